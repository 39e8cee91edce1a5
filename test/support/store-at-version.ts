import Database from 'better-sqlite3';
import { migrations } from '../../src/main/store/migrations';

/** A store file as an older app left it: the migrations up to `version` only (for upgrade tests). */
export function storeAtVersion(file: string, version: number): Database.Database {
  const db = new Database(file);
  db.transaction(() => {
    for (const migration of migrations.filter((m) => m.version <= version)) migration.up(db);
    db.pragma(`user_version = ${version}`);
  })();
  return db;
}
