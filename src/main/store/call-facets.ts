import type { CallFacets, FacetField, FacetValue } from '../../core/api/triage-contract';
import type { Db } from './db';
import { stmt } from './statements';
import { NOT_TRASHED, trashIsEmpty } from './call-trash';

/**
 * Query module for the filter choices: the distinct agents, end reasons and platforms of the
 * store, each with its number of calls. At a million calls a GROUP BY reads every entry of the
 * index; here the values are found by hopping through the index (one seek per value) and each
 * value's calls are counted in its own range of the index, stopping at `countLimit`.
 */

/** Each field's index, led by the field (migrations 6, 9 and 12). */
const facetIndexes = {
  agent_id: 'calls_by_agent',
  end_reason: 'calls_by_end_reason',
  platform: 'calls_by_platform',
} as const satisfies Record<FacetField, string>;

/** More distinct values than a choice list can show usefully (a store of one agent id per call). */
export const FACET_VALUES_LIMIT = 500;
/**
 * Counting stops here: past it the choice reads "10,000+". A count walks its value's index range,
 * so this bounds the whole read (20 agents at a million calls: 200,000 entries, not a million).
 */
export const FACET_COUNT_LIMIT = 10_000;

/**
 * The distinct values of a field, in order, one index seek each (a "loose index scan"), with each
 * value's count capped at @count_limit + 1. The first seek starts past '' rather than past NULL:
 * NULLs sort first, and a store of calls without an agent would be walked through them (an empty
 * value is no choice anyway: the list filter ignores it). While the trash holds calls they are left
 * out of the counts, and a value whose calls are all in the trash is no choice. Exported so a test
 * can EXPLAIN it.
 */
export function facetSql(field: FacetField, hideTrashed = false): string {
  // field and index come from the closed table above, never from input
  const index = facetIndexes[field];
  return `WITH RECURSIVE v(value, n) AS (
      SELECT (SELECT ${field} FROM calls INDEXED BY ${index} WHERE ${field} > '' ORDER BY ${field} LIMIT 1), 1
      UNION ALL
      SELECT (SELECT ${field} FROM calls INDEXED BY ${index} WHERE ${field} > v.value ORDER BY ${field} LIMIT 1), n + 1
      FROM v WHERE v.value IS NOT NULL AND n <= @values_limit
    )
    SELECT value, (SELECT count(*) FROM (SELECT 1 FROM calls INDEXED BY ${index} WHERE ${field} = v.value${hideTrashed ? ` AND ${NOT_TRASHED}` : ''} LIMIT @count_limit + 1)) AS calls
    FROM v WHERE value IS NOT NULL`;
}

export function listFacets(db: Db, { valuesLimit = FACET_VALUES_LIMIT, countLimit = FACET_COUNT_LIMIT } = {}): CallFacets {
  const hideTrashed = !trashIsEmpty(db);
  const facet = (field: FacetField) => {
    const rows = stmt<{ values_limit: number; count_limit: number }, { value: string; calls: number }>(db, facetSql(field, hideTrashed)).all({
      values_limit: valuesLimit,
      count_limit: countLimit,
    });
    // a value whose calls are all in the trash is no choice (a count of 0 only happens then)
    const values: FacetValue[] = rows.slice(0, valuesLimit).filter((row) => row.calls > 0).map((row) => ({ value: row.value, calls: Math.min(row.calls, countLimit), exact: row.calls <= countLimit }));
    return { values, more: rows.length > valuesLimit };
  };
  return { agent_id: facet('agent_id'), end_reason: facet('end_reason'), platform: facet('platform') };
}
