import type { Turn, Word, ToolInvocation } from '../../core/model/call';
import type { Db } from './db';
import { fromJsonColumn, toJsonColumn } from './json-columns';
import { stmt } from './statements';

/** Query module for `turns` and the full-text index of their text, `call_text_fts` (one document per call). */

interface TurnRow {
  idx: number;
  role: Turn['role'];
  text: string;
  start_ms: number | null;
  end_ms: number | null;
  words: string | null;
  tool: string | null;
  interrupted: number | null;
  agent_name: string | null;
  raw_role: string | null;
  original_bytes: number | null;
}

const TURN_COLUMNS = 12;
const TURNS_PER_STATEMENT = 50;

/** Multi-row INSERTs of up to 50 turns: one statement per call instead of one per turn. */
function insertTurnsSql(count: number): string {
  const row = `(${Array.from({ length: TURN_COLUMNS }, () => '?').join(', ')})`;
  return `INSERT INTO turns (call_id, idx, role, text, start_ms, end_ms, words, tool, interrupted, agent_name, raw_role, original_bytes) VALUES ${Array.from({ length: count }, () => row).join(', ')}`;
}

export function insertTurns(db: Db, callId: number, turns: readonly Turn[]): void {
  for (let from = 0; from < turns.length; from += TURNS_PER_STATEMENT) {
    const chunk = turns.slice(from, from + TURNS_PER_STATEMENT);
    const values = chunk.flatMap((turn) => [
      callId,
      turn.idx,
      turn.role,
      turn.text,
      turn.start_ms,
      turn.end_ms,
      toJsonColumn(turn.words),
      toJsonColumn(turn.tool),
      turn.interrupted === null ? null : Number(turn.interrupted),
      turn.agent_name,
      turn.role === 'other' ? (turn.raw_role ?? 'other') : null,
      turn.original_bytes ?? null,
    ]);
    stmt(db, insertTurnsSql(chunk.length)).run(...values);
  }
  const text = turns.map((turn) => turn.text).filter((t) => t.length > 0).join('\n');
  if (text.length > 0) stmt(db, 'INSERT INTO call_text_fts (rowid, text) VALUES (?, ?)').run(callId, text);
}

/** Removes a call's turns and its index entry (the index is contentless, so by rowid). */
export function deleteTurns(db: Db, callId: number): void {
  stmt(db, 'DELETE FROM call_text_fts WHERE rowid = ?').run(callId);
  stmt(db, 'DELETE FROM turns WHERE call_id = ?').run(callId);
}

export function listTurns(db: Db, callId: number): Turn[] {
  return stmt<[number], TurnRow>(db, 'SELECT * FROM turns WHERE call_id = ? ORDER BY idx')
    .all(callId)
    .map((row) => ({
      idx: row.idx,
      role: row.role,
      text: row.text,
      start_ms: row.start_ms,
      end_ms: row.end_ms,
      words: fromJsonColumn<Word[]>(row.words),
      tool: fromJsonColumn<ToolInvocation>(row.tool),
      interrupted: row.interrupted === null ? null : row.interrupted === 1,
      agent_name: row.agent_name,
      // present only where they say something, so a whole turn of a known role reads as it was written
      ...(row.raw_role !== null ? { raw_role: row.raw_role } : {}),
      ...(row.original_bytes !== null ? { original_bytes: row.original_bytes } : {}),
    }));
}

/** The agents that spoke in each call, in order of first appearance (multi-agent handoffs). */
export function agentHistories(db: Db, callIds: readonly number[]): Map<number, string[]> {
  const histories = new Map<number, string[]>(callIds.map((id) => [id, []]));
  if (callIds.length === 0) return histories;
  const rows = stmt<number[], { call_id: number; agent_name: string }>(db, 
      `SELECT call_id, agent_name FROM turns WHERE call_id IN (${callIds.map(() => '?').join(', ')}) ` +
        'AND agent_name IS NOT NULL GROUP BY call_id, agent_name ORDER BY call_id, min(idx)',
    )
    .all(...callIds);
  for (const row of rows) histories.get(row.call_id)?.push(row.agent_name);
  return histories;
}
