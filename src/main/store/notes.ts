import type { CallNote } from '../../core/model/call';
import type { Db } from './db';
import { stmt } from './statements';

/** Query module for `call_notes`. */
export function listNotes(db: Db, callId: number): CallNote[] {
  return stmt<[number], CallNote>(db, 'SELECT id, at_ms, text, created_at FROM call_notes WHERE call_id = ? ORDER BY at_ms IS NULL, at_ms, id').all(callId);
}

export function addNote(db: Db, callId: number, atMs: number | null, text: string, now: string): number {
  return Number(stmt(db, 'INSERT INTO call_notes (call_id, at_ms, text, created_at) VALUES (?, ?, ?, ?)').run(callId, atMs, text, now).lastInsertRowid);
}

export function deleteNote(db: Db, callId: number, noteId: number): boolean {
  return stmt(db, 'DELETE FROM call_notes WHERE id = ? AND call_id = ?').run(noteId, callId).changes > 0;
}
