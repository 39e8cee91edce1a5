import type { Database } from 'better-sqlite3';
import { migrateTo1 } from './001-initial';
import { migrateTo2 } from './002-metrics';
import { migrateTo3 } from './003-notes';
import { migrateTo4 } from './004-evaluators';
import { migrateTo5 } from './005-unknown-figures';
import { migrateTo6 } from './006-list-indexes';
import { migrateTo7 } from './007-turn-roles-and-truncation';
import { migrateTo8 } from './008-vad-path';
import { migrateTo9 } from './009-search-numbers-and-end-reason';
import { migrateTo10 } from './010-tags';
import { migrateTo11 } from './011-views-and-queues';
import { migrateTo12 } from './012-platform-index';
import { migrateTo13 } from './013-call-trash';
import { migrateTo14 } from './014-queue-order';
import { migrateTo15 } from './015-reply-latencies';
import { migrateTo16 } from './016-overlap-labels';
import { migrateTo17 } from './017-line-quality';
import { migrateTo18 } from './018-overview-index';
import { migrateTo19 } from './019-watch-rules';
import { migrateTo20 } from './020-replies-by-time';

interface Migration {
  version: number;
  up: (db: Database) => void;
}

/** One entry per schema version, in order; never edit a released one, add the next. */
export const migrations: readonly Migration[] = [
  { version: 1, up: migrateTo1 },
  { version: 2, up: migrateTo2 },
  { version: 3, up: migrateTo3 },
  { version: 4, up: migrateTo4 },
  { version: 5, up: migrateTo5 },
  { version: 6, up: migrateTo6 },
  { version: 7, up: migrateTo7 },
  { version: 8, up: migrateTo8 },
  { version: 9, up: migrateTo9 },
  { version: 10, up: migrateTo10 },
  { version: 11, up: migrateTo11 },
  { version: 12, up: migrateTo12 },
  { version: 13, up: migrateTo13 },
  { version: 14, up: migrateTo14 },
  { version: 15, up: migrateTo15 },
  { version: 16, up: migrateTo16 },
  { version: 17, up: migrateTo17 },
  { version: 18, up: migrateTo18 },
  { version: 19, up: migrateTo19 },
  { version: 20, up: migrateTo20 },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

export class DatabaseFromFutureError extends Error {
  constructor(found: number, supported: number) {
    super(
      `This database was written by a newer Callscope (schema version ${found}; this app knows up to ${supported}). ` +
        'Update Callscope to open it; nothing was changed.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

export function currentSchemaVersion(db: Database): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}

/** Runs every pending migration, each in its own transaction together with its version bump. */
export function migrate(db: Database): { from: number; to: number } {
  const from = currentSchemaVersion(db);
  if (from > latestSchemaVersion) throw new DatabaseFromFutureError(from, latestSchemaVersion);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: latestSchemaVersion };
}
