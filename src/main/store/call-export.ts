import type { CallListQuery, CallListRow } from '../../core/api/types';
import { csvLine, type CsvValue } from '../../core/present/csv';
import type { Db } from './db';
import { stmt } from './statements';
import { planExportQuery } from './call-list';
import { outcomesForCalls } from './evaluation-results';
import { listEvaluators } from './evaluators';
import { tagsForCalls } from './tags';

/**
 * The calls list as CSV: every call of the view (filter and sort as on screen) with its figures,
 * verdict, tags, notes count and each evaluator's newest outcome. Rows are read lazily and written in
 * slices, so a million rows never sit in memory; the caller passes a read-only connection of its
 * own (a long read must not hold the app's connection, and sees one snapshot of the store).
 */

const columns = [
  ['call_id', (r) => r.uuid],
  ['external_id', (r) => r.external_id],
  ['platform', (r) => r.platform],
  ['agent_id', (r) => r.agent_id],
  ['started_at', (r) => r.started_at],
  ['duration_s', (r) => r.duration_s],
  ['status', (r) => r.status],
  ['end_reason', (r) => r.end_reason],
  ['from_number', (r) => r.from_number],
  ['to_number', (r) => r.to_number],
  ['turns', (r) => r.turn_count],
  ['latency_p50_ms', (r) => r.latency_p50_ms],
  ['latency_p90_ms', (r) => r.latency_p90_ms],
  ['ttfw_ms', (r) => r.ttfw_ms],
  ['interruptions', (r) => r.interruption_count],
  ['longest_silence_ms', (r) => r.longest_silence_ms],
  ['agent_snr_db', (r) => r.agent_snr_db],
  ['caller_snr_db', (r) => r.caller_snr_db],
  ['clipping_share', (r) => r.clipping_share],
  ['dead_air_ms', (r) => r.dead_air_ms],
  ['verdict', (r) => r.verdict],
] as const satisfies readonly (readonly [string, (row: CallListRow) => CsvValue])[];

const SLICE = 500;

function notesCounts(db: Db, ids: readonly number[]): Map<number, number> {
  const rows = stmt<[string], { call_id: number; n: number }>(
    db,
    'SELECT call_id, COUNT(*) AS n FROM call_notes WHERE call_id IN (SELECT value FROM json_each(?)) GROUP BY call_id',
  ).all(JSON.stringify(ids));
  return new Map(rows.map((row) => [row.call_id, row.n]));
}

/** CSV text in slices of a few hundred rows: the header first, then the calls in list order. */
export function* callsCsv(db: Db, query: Pick<CallListQuery, 'filter' | 'sort'>): Generator<string> {
  const evaluators = listEvaluators(db);
  yield csvLine([...columns.map(([name]) => name), 'tags', 'notes', ...evaluators.map((e) => `evaluator: ${e.spec.name}`)]);
  const { sql, params } = planExportQuery(db, query);
  let slice: CallListRow[] = [];
  const flush = (): string => {
    const ids = slice.map((row) => row.id);
    const notes = notesCounts(db, ids);
    const outcomes = outcomesForCalls(db, ids);
    const tags = tagsForCalls(db, ids);
    const text = slice
      .map((row) => {
        const results = outcomes.get(row.id) ?? {};
        return csvLine([...columns.map(([, value]) => value(row)), (tags.get(row.id) ?? []).join('; '), notes.get(row.id) ?? 0, ...evaluators.map((e) => results[e.id]?.outcome ?? '')]);
      })
      .join('');
    slice = [];
    return text;
  };
  for (const row of db.prepare<Record<string, unknown>, CallListRow>(sql).iterate(params)) {
    slice.push(row);
    if (slice.length >= SLICE) yield flush();
  }
  if (slice.length > 0) yield flush();
}
