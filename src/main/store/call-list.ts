import type { CallListQuery, CallListRow } from '../../core/api/types';
import type { QueueSample } from '../../core/api/triage-contract';
import type { Db } from './db';
import { stmt } from './statements';
import { sortColumns, whereClause as whereOf, whereSql, type Driver, type Where } from './call-filter';
import { PREFIX_TERMS_LIMIT } from './fts-query';
import { trashCount, trashIsEmpty } from './call-trash';

/**
 * Query module for the calls list: pages, counts and membership under a filter. At a million calls
 * the list order's index finds common matches fast but crawls through a rare one; so a filter with
 * an indexed condition is first probed (at most its `rare` + 1 entries), and when the condition is
 * rare the query starts from it and sorts the few rows instead.
 */

const listColumns = [
  'id', 'uuid', 'short_id', 'provider', 'platform', 'external_id', 'agent_id', 'from_number', 'to_number', 'customer_number',
  'started_at', 'ended_at', 'duration_s', 'status', 'end_reason', 'turn_count', 'verdict', 'created_at',
  'latency_p50_ms', 'latency_p90_ms', 'ttfw_ms', 'interruption_count', 'longest_silence_ms', 'metrics_source',
  'agent_snr_db', 'caller_snr_db', 'clipping_share', 'dead_air_ms',
];

type Params = Record<string, unknown>;

/** The filter's conditions on this store: trashed calls are hidden unless the caller counts them apart. */
function whereClause(db: Db, filter: CallListQuery['filter'], hideTrashed = !trashIsEmpty(db)): Where {
  return whereOf(
    filter,
    (prefix) =>
      stmt<[string, string], { term: string }>(db, `SELECT term FROM call_text_vocab WHERE term >= ? AND term < ? || char(1114111) LIMIT ${PREFIX_TERMS_LIMIT}`)
        .all(prefix, prefix)
        .map((row) => row.term),
    hideTrashed,
  );
}

/** How many rows the driver reaches, counting no further than its `rare` + 1. */
function probe(db: Db, driver: Driver, params: Params): number {
  const sql =
    'index' in driver
      ? `SELECT count(*) AS n FROM (SELECT 1 FROM calls INDEXED BY ${driver.index} WHERE ${driver.condition} LIMIT ${driver.rare + 1})`
      : `SELECT count(*) AS n FROM (${driver.candidates} LIMIT ${driver.rare + 1})`;
  return stmt<Params, { n: number }>(db, sql).get(params)?.n ?? 0;
}

/** What a query reads from: the whole table, or (when a condition is rare) just what that condition reaches. */
function sourceOf(db: Db, where: Where): { source: string; driving: Driver | null } {
  let best: { driver: Driver; n: number } | null = null;
  for (const driver of where.drivers) {
    const n = probe(db, driver, where.params);
    if (n <= driver.rare && (!best || n < best.n)) best = { driver, n };
  }
  const driving = best?.driver ?? null;
  const source = !driving
    ? 'calls'
    : 'index' in driving
      ? `calls INDEXED BY ${driving.index}`
      : `(${driving.candidates}) AS rare CROSS JOIN calls ON calls.id = rare.cid`;
  return { source, driving };
}

/** `FROM ... WHERE ...`: the whole table, or (when a condition is rare) just what that condition reaches. */
function fromWhere(db: Db, where: Where, purpose: 'page' | 'count'): string {
  const { source, driving } = sourceOf(db, where);
  return `FROM ${source} ${whereSql(where, driving, purpose)}`;
}

/** The list's `ORDER BY` (exported so a queue's calls come in exactly the order the list shows them). */
export function orderBy(sort: CallListQuery['sort'], reversed = false): string {
  const ascending = (sort.direction === 'asc') !== reversed;
  const direction = ascending ? 'ASC' : 'DESC';
  // NULLS LAST: an unknown figure sorts after every known one, either way (SQLite still scans the
  // index); read from the end, the same order is NULLS FIRST.
  return `ORDER BY calls.${sortColumns[sort.column]} ${direction} NULLS ${reversed ? 'FIRST' : 'LAST'}, calls.id ${direction}`;
}

/** Past this offset a page may be read from the far end of the order instead (OFFSET walks the index). */
const DEEP_OFFSET = 100_000;

const selectList = listColumns.map((column) => `calls.${column}`).join(', ');

/** The page query as it runs on this store (exported so a test can EXPLAIN it). */
export function planListQuery(db: Db, query: CallListQuery, deepOffset = DEEP_OFFSET): { sql: string; params: Params; reversed: boolean } {
  const where = whereClause(db, query.filter);
  const source = fromWhere(db, where, 'page');
  // no filter (the trash's condition aside): the count is cheap
  if (query.offset > deepOffset && where.conditions.length === (where.trashHidden ? 1 : 0)) {
    // A jump near the end of a long list: count (an index count, no filter) and read backwards.
    const total = countCalls(db, query.filter);
    const fromEnd = total - query.offset - query.limit;
    if (fromEnd < query.offset) {
      return {
        sql: `SELECT ${selectList} ${source} ${orderBy(query.sort, true)} LIMIT @limit OFFSET @offset`,
        params: { ...where.params, limit: Math.max(0, Math.min(query.limit, total - query.offset)), offset: Math.max(0, fromEnd) },
        reversed: true,
      };
    }
  }
  return {
    sql: `SELECT ${selectList} ${source} ${orderBy(query.sort)} LIMIT @limit OFFSET @offset`,
    params: { ...where.params, limit: query.limit, offset: query.offset },
    reversed: false,
  };
}

/** Every matching call in list order, no page: for an export that streams the rows (a million rows never sit in memory). */
export function planExportQuery(db: Db, query: Pick<CallListQuery, 'filter' | 'sort'>): { sql: string; params: Params } {
  const where = whereClause(db, query.filter);
  return { sql: `SELECT ${selectList} ${fromWhere(db, where, 'count')} ${orderBy(query.sort)}`, params: where.params };
}

export function pageRows(db: Db, query: CallListQuery, deepOffset = DEEP_OFFSET): CallListRow[] {
  const { sql, params, reversed } = planListQuery(db, query, deepOffset);
  const rows = stmt<Params, CallListRow>(db, sql).all(params);
  return reversed ? rows.reverse() : rows;
}

export function listCalls(db: Db, query: CallListQuery): { rows: CallListRow[]; total: number; total_exact: boolean } {
  if (query.count === 'bound') {
    // One row past the page says whether more follow, without counting them all.
    const found = pageRows(db, { ...query, limit: query.limit + 1 });
    const more = found.length > query.limit;
    const rows = more ? found.slice(0, query.limit) : found;
    return { rows, total: query.offset + rows.length + (more ? 1 : 0), total_exact: !more && (rows.length > 0 || query.offset === 0) };
  }
  return { rows: pageRows(db, query), total: countCalls(db, query.filter), total_exact: true };
}

/**
 * How many calls match, less the trashed ones: the count over every call is the query it always
 * was (a covering index where there is one), and the trashed matches are counted apart, rather than
 * checking each of a million calls against the trash: from the matches when they are no more than
 * the trashed calls, else from the trash, checking each trashed call against the filter.
 */
export function countCalls(db: Db, filter: CallListQuery['filter']): number {
  const where = whereClause(db, filter, false);
  const source = fromWhere(db, where, 'count');
  const all = stmt<Params, { total: number }>(db, `SELECT count(*) AS total ${source}`).get(where.params)?.total ?? 0;
  if (all === 0 || trashIsEmpty(db)) return all;
  const sql =
    all <= trashCount(db)
      ? `SELECT count(*) AS total ${source} ${where.conditions.length > 0 ? 'AND' : 'WHERE'} calls.id IN (SELECT call_id FROM call_trash)`
      : // a search's matches are gathered once (a full-text check per trashed call costs more)
        `SELECT count(*) AS total FROM call_trash CROSS JOIN calls ON calls.id = call_trash.call_id ${whereSql(where, null, 'count')}`;
  return all - (stmt<Params, { total: number }>(db, sql).get(where.params)?.total ?? 0);
}

/**
 * Counts the matches, stopping at `limit` (a bound for a sidebar count: a common view stops early
 * instead of visiting every match). Reads them as a page would, so a common word is checked call by call.
 */
export function countCallsUpTo(db: Db, filter: CallListQuery['filter'], limit: number): number {
  const where = whereClause(db, filter);
  const sql = `SELECT count(*) AS total FROM (SELECT 1 ${fromWhere(db, where, 'count')} LIMIT @count_limit)`;
  return stmt<Params, { total: number }>(db, sql).get({ ...where.params, count_limit: limit })?.total ?? 0;
}

function sampleSql(source: string, filtered: boolean, sample: QueueSample): string {
  switch (sample.kind) {
    case 'view':
      return `SELECT calls.id AS id ${source} ${orderBy(sample.sort)} LIMIT @n`;
    case 'random':
      return `SELECT calls.id AS id ${source} ORDER BY random() LIMIT @n`;
    case 'per_agent':
      return `SELECT id FROM (SELECT calls.id AS id, calls.agent_id AS agent, calls.started_at AS at, ROW_NUMBER() OVER (PARTITION BY calls.agent_id ORDER BY random()) AS k ${source}) WHERE k <= @n ORDER BY agent, at DESC`;
    case 'worst': {
      // the worst first: the highest figure; a call without the figure is never among the worst
      const column = `calls.${sortColumns[sample.column]}`;
      return `SELECT calls.id AS id ${source} ${filtered ? 'AND' : 'WHERE'} ${column} IS NOT NULL ORDER BY ${column} DESC, calls.id DESC LIMIT @n`;
    }
  }
}

/** The calls a queue starts with (which calls, not yet their order). */
export function sampleCallIds(db: Db, filter: CallListQuery['filter'], sample: QueueSample): number[] {
  const where = whereClause(db, filter);
  const source = fromWhere(db, where, 'count');
  const params = { ...where.params, n: sample.n };
  const sql = sampleSql(source, where.conditions.length > 0, sample);
  return stmt<Params, { id: number }>(db, sql).all(params).map((row) => row.id);
}

/** Whether the call passes the list filter: one row looked up by its id. */
export function callMatches(db: Db, id: number, filter: CallListQuery['filter']): boolean {
  const where = whereClause(db, filter);
  const sql = whereSql(where, null, 'page');
  const condition = sql ? `${sql} AND id = @id` : 'WHERE id = @id';
  return stmt<Params, { one: number }>(db, `SELECT 1 AS one FROM calls ${condition}`).get({ ...where.params, id }) !== undefined;
}

/** Every call id matching a list filter, in list order (evaluation runs "on the current filter"). */
export function callIdsMatching(db: Db, filter: CallListQuery['filter']): number[] {
  const where = whereClause(db, filter);
  return stmt<Params, { id: number }>(db, `SELECT calls.id AS id ${fromWhere(db, where, 'count')} ORDER BY calls.started_at DESC, calls.id DESC`)
    .all(where.params)
    .map((row) => row.id);
}

/** The given calls in list order under `sort` (how a queue lists them), e.g. to store a queue in the order it is worked in. */
export function inListOrder(db: Db, ids: readonly number[], sort: CallListQuery['sort']): number[] {
  return stmt<[string], { id: number }>(db, `SELECT calls.id AS id FROM calls WHERE calls.id IN (SELECT value FROM json_each(?)) ${orderBy(sort)}`)
    .all(JSON.stringify(ids))
    .map((row) => row.id);
}

/**
 * Every call matching a filter, trashed calls left out, reached as a count reaches them (from a
 * rare condition when there is one): `source` (what follows FROM, where a join can be added) and
 * `where`. The set the Overview's aggregates and Compare's sets read.
 */
export function matchingSource(db: Db, filter: CallListQuery['filter']): { source: string; where: string; params: Params } {
  const where = whereClause(db, filter);
  return { source: sourceOf(db, where).source, where: whereSql(where, null, 'count'), params: where.params };
}
