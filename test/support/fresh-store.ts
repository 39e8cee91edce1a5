import { join } from 'node:path';
import { afterEach } from 'vitest';
import { normalizeAny } from '../../src/core/formats/registry';
import { openDb, type Db } from '../../src/main/store/db';
import { ingestCall } from '../../src/main/store/ingest';
import { tempDir } from './temp-app';

/**
 * Store files in temp folders that go after each test: call once at the top of a suite, then
 * `folder()` for a data dir, `file()` for a path to a store not yet made, `db()` for one opened at the latest schema.
 */
export function freshStores(): { folder(): string; file(): string; db(): Db } {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
  const folder = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir.path;
  };
  const file = () => join(folder(), 'callscope.db');
  return { folder, file, db: () => openDb(file()) };
}

/** Stores one call given as a payload (any format the registry reads); answers its id. */
export function storePayload(db: Db, body: Record<string, unknown>): number {
  return ingestCall(db, normalizeAny(body), { body: Buffer.from(JSON.stringify(body)), content_type: 'application/json', route: 'test' }).call.id;
}
