import type { Db } from './db';
import { stmt } from './statements';

/**
 * The first words of each call's first caller turn, to recognise a call in the list ("I want to
 * cancel my order…"). One query per page: for each id, the turns' primary key (call_id, idx) is
 * walked from the start to the first caller turn, usually the second turn.
 */
const OPENING_CHARS = 120;

export function callerOpenings(db: Db, callIds: readonly number[]): Map<number, string> {
  if (callIds.length === 0) return new Map();
  const rows = stmt<[string], { call_id: number; opening: string | null }>(
    db,
    `SELECT ids.value AS call_id,
       (SELECT substr(text, 1, ${OPENING_CHARS}) FROM turns WHERE call_id = ids.value AND role = 'user' ORDER BY idx LIMIT 1) AS opening
     FROM json_each(?) AS ids`,
  ).all(JSON.stringify(callIds));
  return new Map(rows.flatMap((row) => (row.opening ? [[row.call_id, row.opening.replace(/\s+/g, ' ').trim()] as const] : [])));
}
