import type { Database } from 'better-sqlite3';

/**
 * Version 8: which voice-activity path measured a recording ('silero+energy' when the speech
 * model decided, 'energy' when the energy detector alone did); null for analyses made before.
 */
export function migrateTo8(db: Database): void {
  db.exec(`ALTER TABLE call_audio ADD COLUMN vad TEXT;`);
}
