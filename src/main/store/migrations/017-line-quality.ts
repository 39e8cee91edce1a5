import type { Database } from 'better-sqlite3';

/**
 * Version 17 (issue 16): line quality per channel from the recording's analysis (JSON on
 * `call_audio`), and on `calls` the figures the list sorts and filters by: each speaker's SNR, the
 * worse channel's clipping share and the longest dead air. Null until a recording is analysed (a
 * recording analysed before this version says nothing until it is analysed again).
 */
export function migrateTo17(db: Database): void {
  db.exec(`
    ALTER TABLE call_audio ADD COLUMN line_quality TEXT;
    ALTER TABLE calls ADD COLUMN agent_snr_db REAL;
    ALTER TABLE calls ADD COLUMN caller_snr_db REAL;
    ALTER TABLE calls ADD COLUMN clipping_share REAL;
    ALTER TABLE calls ADD COLUMN dead_air_ms REAL;
    CREATE INDEX calls_by_agent_snr ON calls (agent_snr_db, id);
    CREATE INDEX calls_by_caller_snr ON calls (caller_snr_db, id);
    CREATE INDEX calls_by_clipping ON calls (clipping_share, id);
    CREATE INDEX calls_by_dead_air ON calls (dead_air_ms, id);
  `);
}
