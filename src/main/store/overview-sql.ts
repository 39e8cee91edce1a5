import type { CallListFilter } from '../../core/api/types';
import type { OverviewPeriod } from '../../core/api/overview-contract';
import { filterInPeriod } from '../../core/overview/period';
import type { Db } from './db';
import { matchingSource } from './call-list';
import { NEWEST_RESULT } from './evaluation-results';

/** The pieces the Overview's query modules share: the set of calls, bins as SQL, evaluator outcomes. */

export type Params = Record<string, unknown>;

export interface CallSet {
  /** `SELECT <columns> FROM ... WHERE ...`: the set's calls, for a subquery. */
  select(columns: string): string;
  /** the same with `join` (e.g. `LEFT JOIN reply_latencies rl ON ...`) after the calls, and `tail` (ORDER BY) after the conditions. */
  selectJoined(columns: string, join: string, tail: string): string;
  params: Params;
}

/** The calls of the list filter started in the period (trashed ones left out), as the list reaches them. */
export function callSet(db: Db, filter: CallListFilter, period: OverviewPeriod): CallSet {
  const { source, where, params } = matchingSource(db, filterInPeriod(filter, period));
  return {
    select: (columns) => `SELECT ${columns} FROM ${source} ${where}`,
    selectJoined: (columns, join, tail) => `SELECT ${columns} FROM ${source} ${join} ${where} ${tail}`,
    params,
  };
}

/**
 * The index of the bin `expr` falls in, given ascending lower edges (below the first: bin 0), as a
 * balanced tree of CASEs: a handful of comparisons per row where a flat CASE would make ~80.
 * Edges are numbers or ISO instants the caller made (never user text), written inline.
 */
export function binSql(expr: string, edges: readonly (number | string)[], lo = 0, hi = edges.length - 1): string {
  if (lo >= hi) return String(lo);
  const mid = Math.ceil((lo + hi) / 2);
  const edge = edges[mid];
  const literal = typeof edge === 'number' ? String(edge) : `'${String(edge).replace(/'/g, "''")}'`;
  return `CASE WHEN ${expr} < ${literal} THEN ${binSql(expr, edges, lo, mid - 1)} ELSE ${binSql(expr, edges, mid, hi)} END`;
}

/**
 * The newest result of each live evaluator on each call of the set, as pass (1) / fail (0) / other
 * (null): `FROM` and joins over a subquery `s` of the set that has `id` (and whatever else the caller selected).
 */
export function newestResultsJoin(set: string): string {
  return `FROM (${set}) s JOIN evaluation_results r ON r.call_id = s.id JOIN evaluators e ON e.id = r.evaluator_id AND e.deleted_at IS NULL
    WHERE ${NEWEST_RESULT}`;
}
