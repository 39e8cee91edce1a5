import type { TagCount } from '../../core/api/triage-contract';
import type { Db } from './db';
import { stmt } from './statements';

/** Query module for tags on calls (migration 10). */


/** Every tag with how many calls carry it, most used first (the remembered list). */
export function listTags(db: Db): TagCount[] {
  return stmt<[], TagCount>(
    db,
    'SELECT t.name AS name, (SELECT COUNT(*) FROM call_tags c WHERE c.tag_id = t.id AND NOT EXISTS (SELECT 1 FROM call_trash x WHERE x.call_id = c.call_id)) AS calls FROM tags t ORDER BY calls DESC, t.name COLLATE NOCASE',
  ).all();
}

function tagId(db: Db, name: string, now: string): number {
  stmt(db, 'INSERT INTO tags (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, now);
  const row = stmt<[string], { id: number }>(db, 'SELECT id FROM tags WHERE name = ?').get(name);
  if (!row) throw new Error(`tag "${name}" was not stored`);
  return row.id;
}

/** Adds a tag to calls; answers the ids that did not have it (what an undo takes off again). */
export function addTag(db: Db, callIds: readonly number[], name: string, now: string): number[] {
  return db.transaction(() => {
    const id = tagId(db, name, now);
    const insert = stmt(db, 'INSERT OR IGNORE INTO call_tags (tag_id, call_id) SELECT ?, id FROM calls WHERE id = ?');
    return callIds.filter((callId) => insert.run(id, callId).changes > 0);
  })();
}

/** Takes a tag off calls; answers the ids that had it (what an undo puts back). */
export function removeTag(db: Db, callIds: readonly number[], name: string): number[] {
  const row = stmt<[string], { id: number }>(db, 'SELECT id FROM tags WHERE name = ?').get(name);
  if (!row) return [];
  const remove = stmt(db, 'DELETE FROM call_tags WHERE tag_id = ? AND call_id = ?');
  return db.transaction(() => callIds.filter((callId) => remove.run(row.id, callId).changes > 0))();
}

/** The tags of a page of calls, in name order. */
export function tagsForCalls(db: Db, callIds: readonly number[]): Map<number, string[]> {
  const byCall = new Map<number, string[]>();
  if (callIds.length === 0) return byCall;
  const rows = stmt<[string], { call_id: number; name: string }>(
    db,
    'SELECT c.call_id AS call_id, t.name AS name FROM json_each(?) AS ids JOIN call_tags c ON c.call_id = ids.value JOIN tags t ON t.id = c.tag_id ORDER BY t.name COLLATE NOCASE',
  ).all(JSON.stringify(callIds));
  for (const row of rows) byCall.set(row.call_id, [...(byCall.get(row.call_id) ?? []), row.name]);
  return byCall;
}

/** The SQL for the ids of calls with the tag bound as `@<param>` (the list filter's candidates). */
export function callsTaggedSql(param: string): string {
  return `SELECT c.call_id AS cid FROM call_tags c JOIN tags t ON t.id = c.tag_id WHERE t.name = @${param}`;
}
