import Database from 'better-sqlite3';
import { preparePrivateDbFile } from '../private-files';
import { currentSchemaVersion, DatabaseFromFutureError, latestSchemaVersion, migrate } from './migrations';

export type Db = Database.Database;

export interface OpenDbOptions {
  /** path to a better_sqlite3.node built for another runtime (Electron); see README. */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the store. WAL with synchronous=FULL: a committed ingest survives a
 * power cut, which is what a 2xx from the listener promises.
 */
/**
 * A second, read-only connection to the store for a long read (an export streaming a million rows):
 * it sees one snapshot and leaves the app's connection free for writes meanwhile.
 */
export function openReadOnlyDb(file: string, options: OpenDbOptions = {}): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  return db;
}

export function openDb(file: string, options: OpenDbOptions = {}): Db {
  if (file !== ':memory:') preparePrivateDbFile(file);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Refuse a newer database before touching it: even switching the journal mode writes to it.
    const found = currentSchemaVersion(db);
    if (found > latestSchemaVersion) throw new DatabaseFromFutureError(found, latestSchemaVersion);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
