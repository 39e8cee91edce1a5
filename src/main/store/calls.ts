import type { CallFacts, StoredCall, Verdict, JsonObject, ProviderEvaluation } from '../../core/model/call';
import type { Db } from './db';
import { fromJsonColumn, toJsonColumn } from './json-columns';
import { deleteTurns } from './turns';
import { putCallNumbers } from './call-numbers';
import { stmt } from './statements';

/** Query module for the `calls` table. */

type CallRow = Omit<StoredCall, 'metadata' | 'dynamic_variables' | 'provider_metrics' | 'provider_evaluations' | 'extra'> & {
  metadata: string | null;
  dynamic_variables: string | null;
  provider_metrics: string | null;
  provider_evaluations: string | null;
  extra: string | null;
};

const factColumns = [
  'provider', 'source_format', 'external_id', 'platform', 'agent_id', 'direction', 'from_number',
  'to_number', 'customer_number', 'started_at', 'ended_at', 'duration_s', 'status', 'end_reason',
  'recording_url', 'stereo_recording_url', 'agent_channel', 'metadata', 'dynamic_variables',
  'cost_usd', 'provider_metrics', 'provider_evaluations', 'extra',
] as const satisfies readonly (keyof CallFacts)[];

const jsonFacts = new Set<string>(['metadata', 'dynamic_variables', 'provider_metrics', 'provider_evaluations', 'extra']);

function factValues(facts: CallFacts): Record<string, unknown> {
  return Object.fromEntries(
    factColumns.map((column) => [column, jsonFacts.has(column) ? toJsonColumn(facts[column]) : facts[column]]),
  );
}

function toStoredCall(row: CallRow): StoredCall {
  return {
    ...row,
    metadata: fromJsonColumn<JsonObject>(row.metadata),
    dynamic_variables: fromJsonColumn<JsonObject>(row.dynamic_variables),
    provider_metrics: fromJsonColumn<JsonObject>(row.provider_metrics),
    provider_evaluations: fromJsonColumn<ProviderEvaluation[]>(row.provider_evaluations),
    extra: fromJsonColumn<JsonObject>(row.extra),
  };
}

export function findCallIdByIdentity(db: Db, provider: string, externalId: string): number | null {
  const row = stmt<[string, string], { id: number }>(db, 'SELECT id FROM calls WHERE provider = ? AND external_id = ?')
    .get(provider, externalId);
  return row?.id ?? null;
}

export function getCall(db: Db, id: number): StoredCall | null {
  const row = stmt<[number], CallRow>(db, 'SELECT * FROM calls WHERE id = ?').get(id);
  return row ? toStoredCall(row) : null;
}

/**
 * Resolves the ids outside scripts use: our integer id, the uuid, the short id, or (last) the
 * provider's own call id.
 */
export function findCallIdByRef(db: Db, ref: string): number | null {
  const byOwnId = /^\d+$/.test(ref)
    ? stmt<[number], { id: number }>(db, 'SELECT id FROM calls WHERE id = ?').get(Number(ref))
    : stmt<[string, string], { id: number }>(db, 'SELECT id FROM calls WHERE uuid = ? OR short_id = ?').get(ref, ref);
  const row = byOwnId ?? stmt<[string], { id: number }>(db, 'SELECT id FROM calls WHERE external_id = ? ORDER BY id LIMIT 1').get(ref);
  return row?.id ?? null;
}

export function shortIdTaken(db: Db, shortId: string): boolean {
  return stmt<[string], { one: number }>(db, 'SELECT 1 AS one FROM calls WHERE short_id = ?').get(shortId) !== undefined;
}

export interface NewCallIds {
  uuid: string;
  short_id: string;
  external_id: string;
}

/** Written with the row, so its indexes are filled once rather than inserted and then updated. */
export interface InitialFigures {
  turn_count: number;
  latency_p50_ms: number | null;
  latency_p90_ms: number | null;
  ttfw_ms: number | null;
  interruption_count: number | null;
  longest_silence_ms: number | null;
  metrics_source: 'transcript' | null;
  /** the overlaps by class, JSON (migration 16). */
  overlap_counts: string | null;
}

export function insertCall(db: Db, facts: CallFacts, ids: NewCallIds, now: string, figures: InitialFigures): number {
  const values = { ...factValues(facts), ...ids, ...figures, now };
  const columns = [...factColumns.filter((c) => c !== 'external_id'), 'external_id', 'uuid', 'short_id', ...Object.keys(figures)];
  const sql =
    `INSERT INTO calls (${columns.join(', ')}, created_at, updated_at) ` +
    `VALUES (${columns.map((c) => `@${c}`).join(', ')}, @now, @now)`;
  const id = Number(stmt(db, sql).run(values).lastInsertRowid);
  putCallNumbers(db, id, facts);
  return id;
}

/** Writes a call's facts as merged (core/model/merge): identity columns stay as they are. */
export function updateCallFacts(db: Db, id: number, facts: CallFacts, now: string): void {
  const values = factValues(facts);
  const assignments = factColumns.filter((c) => c !== 'provider' && c !== 'external_id').map((c) => `${c} = @${c}`);
  stmt(db, `UPDATE calls SET ${assignments.join(', ')}, updated_at = @now WHERE id = @id`).run({ ...values, id, now });
  putCallNumbers(db, id, facts);
}

export function setTurnCount(db: Db, id: number, count: number): void {
  stmt(db, 'UPDATE calls SET turn_count = ? WHERE id = ?').run(count, id);
}

export function setVerdict(db: Db, id: number, verdict: Verdict | null, now: string): void {
  stmt(db, 'UPDATE calls SET verdict = ?, reviewed_at = ?, updated_at = ? WHERE id = ?').run(
    verdict,
    verdict === null ? null : now,
    now,
    id,
  );
}

/** Deletes a call with its turns, their index entries and its payloads, all or nothing. */
export function deleteCall(db: Db, id: number): boolean {
  return db.transaction(() => {
    deleteTurns(db, id);
    return stmt(db, 'DELETE FROM calls WHERE id = ?').run(id).changes > 0;
  })();
}

/** Each manually marked call: true for success (the alignment's reference). */
export function manualVerdicts(db: Db): Map<number, boolean> {
  const rows = stmt<[], { id: number; verdict: string }>(db, 'SELECT id, verdict FROM calls WHERE verdict IS NOT NULL').all();
  return new Map(rows.map((r) => [r.id, r.verdict === 'success']));
}

/** The verdict of each of these calls that exists, in the order given (what an Undo of a bulk verdict puts back). */
export function verdictsOf(db: Db, ids: readonly number[]): { id: number; verdict: Verdict | null }[] {
  return stmt<[string], { id: number; verdict: Verdict | null }>(
    db,
    'SELECT calls.id AS id, calls.verdict AS verdict FROM json_each(?) AS ids JOIN calls ON calls.id = ids.value ORDER BY ids.key',
  ).all(JSON.stringify(ids));
}

/** The external (provider) id of each of these calls. */
export function externalIds(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = stmt<[string], { id: number; external_id: string }>(db, 'SELECT id, external_id FROM calls WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r.external_id]));
}

export function setRecordingPath(db: Db, id: number, path: string | null): void {
  stmt(db, 'UPDATE calls SET recording_path = ?, updated_at = ? WHERE id = ?').run(path, new Date().toISOString(), id);
}
