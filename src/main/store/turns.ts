import type { Turn, Word, ToolInvocation } from '../../core/model/call';
import type { Db } from './db';
import { fromJsonColumn, toJsonColumn } from './json-columns';

/** Query module for `turns` and its full-text index `turns_fts`. */

interface TurnRow {
  id: number;
  idx: number;
  role: Turn['role'];
  text: string;
  start_ms: number | null;
  end_ms: number | null;
  words: string | null;
  tool: string | null;
  interrupted: number | null;
  agent_name: string | null;
}

export function insertTurns(db: Db, callId: number, turns: readonly Turn[]): void {
  const insertTurn = db.prepare(
    'INSERT INTO turns (call_id, idx, role, text, start_ms, end_ms, words, tool, interrupted, agent_name) ' +
      'VALUES (@call_id, @idx, @role, @text, @start_ms, @end_ms, @words, @tool, @interrupted, @agent_name)',
  );
  const indexText = db.prepare('INSERT INTO turns_fts (rowid, text) VALUES (?, ?)');
  for (const turn of turns) {
    const { lastInsertRowid } = insertTurn.run({
      call_id: callId,
      idx: turn.idx,
      role: turn.role,
      text: turn.text,
      start_ms: turn.start_ms,
      end_ms: turn.end_ms,
      words: toJsonColumn(turn.words),
      tool: toJsonColumn(turn.tool),
      interrupted: turn.interrupted === null ? null : Number(turn.interrupted),
      agent_name: turn.agent_name,
    });
    if (turn.text.length > 0) indexText.run(lastInsertRowid, turn.text);
  }
}

/** Removes a call's turns and their index entries (the index is contentless, so by rowid). */
export function deleteTurns(db: Db, callId: number): void {
  db.prepare('DELETE FROM turns_fts WHERE rowid IN (SELECT id FROM turns WHERE call_id = ?)').run(callId);
  db.prepare('DELETE FROM turns WHERE call_id = ?').run(callId);
}

export function listTurns(db: Db, callId: number): Turn[] {
  return db
    .prepare<[number], TurnRow>('SELECT * FROM turns WHERE call_id = ? ORDER BY idx')
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
    }));
}

/** The agents that spoke in each call, in order of first appearance (multi-agent handoffs). */
export function agentHistories(db: Db, callIds: readonly number[]): Map<number, string[]> {
  const histories = new Map<number, string[]>(callIds.map((id) => [id, []]));
  if (callIds.length === 0) return histories;
  const rows = db
    .prepare<number[], { call_id: number; agent_name: string }>(
      `SELECT call_id, agent_name FROM turns WHERE call_id IN (${callIds.map(() => '?').join(', ')}) ` +
        'AND agent_name IS NOT NULL GROUP BY call_id, agent_name ORDER BY call_id, min(idx)',
    )
    .all(...callIds);
  for (const row of rows) histories.get(row.call_id)?.push(row.agent_name);
  return histories;
}
