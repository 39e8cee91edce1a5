import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { replyLatencies } from '../../src/main/store/reply-latencies';
import { setHeadline } from '../../src/main/store/metrics';
import { transcriptTimingMetrics } from '../../src/core/metrics/compute';
import { listTurns } from '../../src/main/store/turns';
import { freshStores, storePayload } from '../support/fresh-store';

const stores = freshStores();

/** A Retell call: agent and caller alternate; the gap before each agent turn but the first is a reply latency. */
function call(id: string, gapsBeforeAgent: number[]): Record<string, unknown> {
  const utterance = (role: string, content: string, startMs: number, endMs: number) => ({ role, content, words: [{ word: content, start: startMs / 1000, end: endMs / 1000 }] });
  const transcript = [utterance('agent', 'Hello, how can I help?', 0, 1000)];
  let at = 1000;
  for (const gap of gapsBeforeAgent) {
    transcript.push(utterance('user', 'I have a question about my bill.', at + 300, at + 2300));
    at += 2300 + gap;
    transcript.push(utterance('agent', 'Sure, let me look at that.', at, at + 1500));
    at += 1500;
  }
  return { call_type: 'phone_call', call_id: id, agent_id: 'agent-1', start_timestamp: Date.UTC(2026, 0, 1), transcript_object: transcript };
}

describe('reply latencies beside the headline figures', () => {
  it('keeps every reply latency of an arriving call, in order, and follows a new headline source', () => {
    const db = stores.db();
    const id = storePayload(db, call('c-1', [640, 1210, 905]));
    expect(replyLatencies(db, id)).toEqual([640, 1210, 905]);

    const audio = { ...transcriptTimingMetrics(listTurns(db, id)), latencies: [{ at_ms: 3000, ms: 700 }] };
    setHeadline(db, id, audio, 'audio');
    expect(replyLatencies(db, id)).toEqual([700]);
    setHeadline(db, id, null, null);
    expect(replyLatencies(db, id)).toEqual([]);
    db.close();
  });

  it('versions 15 and 16 fill them in (and the overlap counts) for calls stored before them', () => {
    const file = stores.file();
    const before = openDb(file);
    const first = storePayload(before, call('c-1', [640, 1210]));
    const second = storePayload(before, call('c-2', [2500]));
    before.close();
    // as version 14 left it: no table yet
    const v14 = new Database(file);
    v14.exec('DROP TABLE reply_latencies; DROP TABLE overlap_labels; ALTER TABLE calls DROP COLUMN overlap_counts');
    v14.pragma('user_version = 14');
    v14.close();

    const db = openDb(file);
    expect(replyLatencies(db, first)).toEqual([640, 1210]);
    expect(replyLatencies(db, second)).toEqual([2500]);
    // turns apart (caller 300 ms after the agent, agent after the gap): measurable, no overlaps
    expect(db.prepare('SELECT overlap_counts FROM calls ORDER BY id').all()).toEqual([{ overlap_counts: '{}' }, { overlap_counts: '{}' }]);
    db.close();
  });

  it('leaves with its call', () => {
    const db = stores.db();
    const id = storePayload(db, call('c-1', [640]));
    db.prepare('DELETE FROM calls WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM reply_latencies').get()).toEqual({ n: 0 });
    db.close();
  });
});
