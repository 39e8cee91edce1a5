import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/**
 * Prepared statements, cached per connection: preparing costs more than running a small insert,
 * and ingestion runs the same dozen statements for every call.
 */
const caches = new WeakMap<Db, Map<string, Statement<unknown[], unknown>>>();

export function stmt<Params extends unknown[] | Record<string, unknown> = unknown[], Row = unknown>(db: Db, sql: string): Statement<Params extends unknown[] ? Params : [Params], Row> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  // The cache holds statements of many shapes; the caller's SQL decides this one's.
  return statement as unknown as Statement<Params extends unknown[] ? Params : [Params], Row>;
}
