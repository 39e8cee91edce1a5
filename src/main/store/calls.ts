import { NOT_APPLICABLE } from '../../core/evaluators/verdict';
import type { CallFacts, StoredCall, Verdict, JsonObject, ProviderEvaluation } from '../../core/model/call';
import type { CallListQuery, CallListRow, CallSortColumn, MetricFilter } from '../../core/api/types';
import type { Db } from './db';
import { fromJsonColumn, toJsonColumn } from './json-columns';
import { ftsMatchExpression } from './fts-query';
import { deleteTurns } from './turns';
import { stmt } from './statements';
import { NEWEST_RESULT } from './evaluation-results';

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
}

export function insertCall(db: Db, facts: CallFacts, ids: NewCallIds, now: string, figures: InitialFigures): number {
  const values = { ...factValues(facts), ...ids, ...figures, now };
  const columns = [...factColumns.filter((c) => c !== 'external_id'), 'external_id', 'uuid', 'short_id', ...Object.keys(figures)];
  const sql =
    `INSERT INTO calls (${columns.join(', ')}, created_at, updated_at) ` +
    `VALUES (${columns.map((c) => `@${c}`).join(', ')}, @now, @now)`;
  return Number(stmt(db, sql).run(values).lastInsertRowid);
}

/** Latest facts win; a null in the new payload never erases what an earlier one said. */
export function mergeCallFacts(db: Db, id: number, facts: CallFacts, now: string): void {
  const values = factValues(facts);
  const assignments = factColumns
    .filter((c) => c !== 'provider' && c !== 'external_id')
    .map((c) => `${c} = coalesce(@${c}, ${c})`);
  stmt(db, `UPDATE calls SET ${assignments.join(', ')}, updated_at = @now WHERE id = @id`).run({ ...values, id, now });
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

const sortColumns = {
  started_at: 'started_at',
  created_at: 'created_at',
  duration_s: 'duration_s',
  provider: 'provider',
  turn_count: 'turn_count',
  latency_p50_ms: 'latency_p50_ms',
  latency_p90_ms: 'latency_p90_ms',
  ttfw_ms: 'ttfw_ms',
  interruption_count: 'interruption_count',
  longest_silence_ms: 'longest_silence_ms',
} as const satisfies Record<CallSortColumn, string>;

const listColumns =
  'id, uuid, short_id, provider, platform, external_id, agent_id, from_number, to_number, customer_number, ' +
  'started_at, ended_at, duration_s, status, end_reason, turn_count, verdict, created_at, ' +
  'latency_p50_ms, latency_p90_ms, ttfw_ms, interruption_count, longest_silence_ms, metrics_source';

const metricOperatorSql = { '>': '>', '>=': '>=', '<': '<', '<=': '<=' } as const satisfies Record<MetricFilter['op'], string>;

interface Where {
  sql: string;
  params: Record<string, unknown>;
}

function whereClause(filter: CallListQuery['filter']): Where {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, values: Record<string, unknown> = {}) => {
    clauses.push(sql);
    Object.assign(params, values);
  };
  if (filter.provider) add('provider = @provider', { provider: filter.provider });
  if (filter.status) add('status = @status', { status: filter.status });
  if (filter.statuses && filter.statuses.length > 0) {
    const names = filter.statuses.map((_, i) => `status_${i}`);
    add(`status IN (${names.map((n) => `@${n}`).join(', ')})`, Object.fromEntries(names.map((n, i) => [n, filter.statuses?.[i]])));
  }
  if (filter.agent_id) add('agent_id = @agent_id', { agent_id: filter.agent_id });
  if (filter.customer_number) add('customer_number = @customer_number', { customer_number: filter.customer_number });
  if (filter.verdict === 'unreviewed') add('verdict IS NULL');
  else if (filter.verdict) add('verdict = @verdict', { verdict: filter.verdict });
  if (filter.started_after) add('started_at >= @started_after', { started_after: new Date(filter.started_after).toISOString() });
  if (filter.started_before) add('started_at < @started_before', { started_before: new Date(filter.started_before).toISOString() });
  (filter.metrics ?? []).forEach((metric, i) => {
    // Column and operator come from closed lists (validated by the contract); only the value is bound.
    const column = sortColumns[metric.column];
    const op = metricOperatorSql[metric.op];
    add(`${column} ${op} @metric_${i}`, { [`metric_${i}`]: metric.value });
  });
  (filter.evaluations ?? []).forEach((wanted, i) => {
    const latest = `SELECT r.call_id, r.status, r.passed, r.verdict FROM evaluation_results r JOIN evaluators e ON e.id = r.evaluator_id
      WHERE e.public_id = @eval_${i} AND ${NEWEST_RESULT}`;
    const condition = {
      pass: "status = 'done' AND passed = 1",
      fail: "status = 'done' AND passed = 0",
      error: "status = 'failed'",
      not_applicable: `status = 'done' AND verdict = '${NOT_APPLICABLE}'`,
      none: '',
    }[wanted.outcome];
    add(
      wanted.outcome === 'none' ? `id NOT IN (SELECT call_id FROM (${latest}))` : `id IN (SELECT call_id FROM (${latest}) WHERE ${condition})`,
      { [`eval_${i}`]: wanted.evaluator_id },
    );
  });
  if (filter.q) {
    const match = ftsMatchExpression(filter.q);
    const byText = match
      ? ' OR id IN (SELECT rowid FROM call_text_fts WHERE call_text_fts MATCH @match)'
      : '';
    add(`(external_id = @q OR short_id = @q OR from_number = @q OR to_number = @q${byText})`, {
      q: filter.q.trim(),
      ...(match ? { match } : {}),
    });
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Builds the page query; exported so a test can EXPLAIN it. */
export function listCallsSql(query: CallListQuery): { sql: string; countSql: string; params: Record<string, unknown> } {
  const where = whereClause(query.filter);
  const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const column = sortColumns[query.sort.column];
  return {
    // NULLS LAST: an unknown figure sorts after every known one, either way (SQLite still scans the index).
    sql: `SELECT ${listColumns} FROM calls ${where.sql} ORDER BY ${column} ${direction} NULLS LAST, id ${direction} LIMIT @limit OFFSET @offset`,
    countSql: `SELECT count(*) AS total FROM calls ${where.sql}`,
    params: { ...where.params, limit: query.limit, offset: query.offset },
  };
}

export function listCalls(db: Db, query: CallListQuery): { rows: CallListRow[]; total: number } {
  const { sql, countSql, params } = listCallsSql(query);
  const rows = stmt<Record<string, unknown>, CallListRow>(db, sql).all(params);
  const { limit: _limit, offset: _offset, ...countParams } = params;
  const count = stmt<Record<string, unknown>, { total: number }>(db, countSql).get(countParams);
  return { rows, total: count?.total ?? 0 };
}

/** Whether the call passes the list filter: one row looked up by its id. */
export function callMatches(db: Db, id: number, filter: CallListQuery['filter']): boolean {
  const where = whereClause(filter);
  const condition = where.sql ? `${where.sql} AND id = @id` : 'WHERE id = @id';
  return stmt<Record<string, unknown>, { one: number }>(db, `SELECT 1 AS one FROM calls ${condition}`).get({ ...where.params, id }) !== undefined;
}

/** Each manually marked call: true for success (the alignment's reference). */
export function manualVerdicts(db: Db): Map<number, boolean> {
  const rows = stmt<[], { id: number; verdict: string }>(db, 'SELECT id, verdict FROM calls WHERE verdict IS NOT NULL').all();
  return new Map(rows.map((r) => [r.id, r.verdict === 'success']));
}

/** The external (provider) id of each of these calls. */
export function externalIds(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = stmt<[string], { id: number; external_id: string }>(db, 'SELECT id, external_id FROM calls WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r.external_id]));
}

/** Every call id matching a list filter, in list order (evaluation runs "on the current filter"). */
export function callIdsMatching(db: Db, filter: CallListQuery['filter']): number[] {
  const where = whereClause(filter);
  return stmt<Record<string, unknown>, { id: number }>(db, `SELECT id FROM calls ${where.sql} ORDER BY started_at DESC, id DESC`)
    .all(where.params)
    .map((row) => row.id);
}

export function setRecordingPath(db: Db, id: number, path: string | null): void {
  stmt(db, 'UPDATE calls SET recording_path = ?, updated_at = ? WHERE id = ?').run(path, new Date().toISOString(), id);
}
