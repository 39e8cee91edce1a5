import type { Database } from 'better-sqlite3';
import { numberKeysOf } from '../call-numbers';

/**
 * Version 9: a phone number typed in any form finds its calls ("4155551000" finds "+1 415-555-1000"):
 * each call's numbers as search keys in `call_numbers`; and the end reason is indexed like agent and
 * status, for its filter and for a search that names an end reason.
 * The keys of stored calls are made here, in slices (a million calls: a few seconds, once).
 */
export function migrateTo9(db: Database): void {
  db.exec(`
    CREATE TABLE call_numbers (
      number_key TEXT NOT NULL,
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      PRIMARY KEY (number_key, call_id)
    ) WITHOUT ROWID;
    CREATE INDEX call_numbers_by_call ON call_numbers (call_id);
    CREATE INDEX calls_by_end_reason ON calls (end_reason, started_at, id);
  `);
  const read = db.prepare<[number], { id: number; from_number: string | null; to_number: string | null; customer_number: string | null }>(
    'SELECT id, from_number, to_number, customer_number FROM calls WHERE id > ? AND (from_number IS NOT NULL OR to_number IS NOT NULL OR customer_number IS NOT NULL) ORDER BY id LIMIT 5000',
  );
  const insert = db.prepare('INSERT OR IGNORE INTO call_numbers (number_key, call_id) VALUES (?, ?)');
  for (let after = 0, rows = read.all(after); rows.length > 0; rows = read.all(after)) {
    for (const row of rows) {
      for (const key of numberKeysOf(row)) insert.run(key, row.id);
      after = row.id;
    }
  }
}
