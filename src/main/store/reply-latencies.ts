import type { Handoff } from '../../core/metrics/handoffs';
import type { Db } from './db';
import { stmt } from './statements';

/** Query module for `reply_latencies`: each reply latency of a call's headline source (migration 015). */

export function saveReplyLatencies(db: Db, callId: number, latencies: readonly Handoff[]): void {
  stmt(db, 'DELETE FROM reply_latencies WHERE call_id = ?').run(callId);
  if (latencies.length === 0) return;
  // with the call's start (migration 20), so a period's replies lie together in reply_latencies_by_time
  const startedAt = stmt<[number], { started_at: string | null }>(db, 'SELECT started_at FROM calls WHERE id = ?').get(callId)?.started_at ?? null;
  const insert = stmt(db, 'INSERT INTO reply_latencies (call_id, seq, at_ms, ms, call_started_at) VALUES (?, ?, ?, ?, ?)');
  latencies.forEach((handoff, seq) => insert.run(callId, seq, handoff.at_ms, handoff.ms, startedAt));
}

export function replyLatencies(db: Db, callId: number): number[] {
  return stmt<[number], { ms: number }>(db, 'SELECT ms FROM reply_latencies WHERE call_id = ? ORDER BY seq')
    .all(callId)
    .map((row) => row.ms);
}
