import type { Database } from 'better-sqlite3';

/** Version 12: the platform filter reads (platform, started_at) like agent and status, so a rare platform is not a scan. */
export function migrateTo12(db: Database): void {
  db.exec('CREATE INDEX calls_by_platform ON calls (platform, started_at, id);');
}
