import type { Database } from 'better-sqlite3';
import { classCounts } from '../../../core/metrics/overlap-review';
import { forEachStoredTiming } from './stored-timing';

/**
 * Version 16 (issue 16): a reviewer's confirmed overlap classes, keyed by the overlap's onset in
 * the call (ms) with the automatic class it was given then (what the agreement figures compare);
 * and on `calls`, the call's overlaps counted by class (JSON; a confirmed label in place of the
 * automatic class) for the list, null when no speech could be placed in time. Backfilled from the
 * headline source, like version 15.
 */
export function migrateTo16(db: Database): void {
  db.exec(`
    CREATE TABLE overlap_labels (
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      at_ms INTEGER NOT NULL,
      class TEXT NOT NULL CHECK (class IN ('barge_in', 'backchannel', 'agent_talk_over', 'false_cut_off')),
      automatic_class TEXT NOT NULL CHECK (automatic_class IN ('barge_in', 'backchannel', 'agent_talk_over', 'false_cut_off')),
      labelled_at TEXT NOT NULL,
      PRIMARY KEY (call_id, at_ms)
    ) STRICT, WITHOUT ROWID;
    ALTER TABLE calls ADD COLUMN overlap_counts TEXT;
  `);
  const update = db.prepare('UPDATE calls SET overlap_counts = ? WHERE id = ?');
  forEachStoredTiming(db, 'interruption_count IS NOT NULL', (callId, measured) => update.run(JSON.stringify(classCounts(measured.overlaps ?? [])), callId));
}
