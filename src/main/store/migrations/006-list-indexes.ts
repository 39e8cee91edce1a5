import type { Database } from 'better-sqlite3';

/**
 * Version 6: the list's filters stay fast at a million calls. Agent, verdict and status filters
 * read (value, started_at) so the default order needs no scan past non-matching calls ("unreviewed"
 * and a rare "failure" alike); searching a phone number or call id is an index lookup, not a scan; a common word is checked call
 * by call in list order, its prefix spelled out through the search index's vocabulary.
 */
export function migrateTo6(db: Database): void {
  db.exec(`
    CREATE INDEX calls_by_agent ON calls (agent_id, started_at, id);
    CREATE INDEX calls_by_verdict ON calls (verdict, started_at, id);
    CREATE INDEX calls_by_status ON calls (status, started_at, id);
    CREATE INDEX calls_by_from_number ON calls (from_number);
    CREATE INDEX calls_by_to_number ON calls (to_number);
    -- the words the search index holds: a typed prefix is spelled out as the words it stands for
    CREATE VIRTUAL TABLE call_text_vocab USING fts5vocab(call_text_fts, 'row');
  `);
}
