import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { replyLatencies } from '../../src/main/store/reply-latencies';
import { setHeadline } from '../../src/main/store/metrics';
import { transcriptTimingMetrics } from '../../src/core/metrics/compute';
import { listTurns } from '../../src/main/store/turns';
import { freshStores, storePayload } from '../support/fresh-store';
import { storeAtVersion } from '../support/store-at-version';
import { retellCallWithReplies } from '../support/retell-replies';

const stores = freshStores();

const call = (id: string, gaps: number[]) => retellCallWithReplies(id, 'agent-1', gaps, Date.UTC(2026, 0, 1));

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
    // as version 14 left a store: calls with turns, no reply latencies, no overlap counts
    const v14 = storeAtVersion(file, 14);
    const insertCall = v14.prepare(
      "INSERT INTO calls (uuid, short_id, provider, source_format, external_id, platform, created_at, updated_at, latency_p50_ms, interruption_count, metrics_source) VALUES (?, ?, 'retell', 'retell.get-call', ?, 'retell', 'now', 'now', 1, 0, 'transcript')",
    );
    const insertTurn = v14.prepare('INSERT INTO turns (call_id, idx, role, text, start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?)');
    const store = (key: string, turns: [string, number, number][]) => {
      const id = Number(insertCall.run(`u-${key}`, `short-${key}`, key).lastInsertRowid);
      turns.forEach(([role, start, end], idx) => insertTurn.run(id, idx, role, 'Hello there, how can I help?', start, end));
      return id;
    };
    // replies 640 and 1,210 ms after the caller; the second call's caller talks over the agent for 1.5 s
    const first = store('c-1', [['agent', 0, 1000], ['user', 1300, 3300], ['agent', 3940, 5440], ['user', 5740, 7740], ['agent', 8950, 10450]]);
    const second = store('c-2', [['agent', 0, 3000], ['user', 1500, 4500], ['agent', 7000, 8000]]);
    v14.close();

    const db = openDb(file);
    expect(replyLatencies(db, first)).toEqual([640, 1210]);
    expect(replyLatencies(db, second)).toEqual([2500]);
    const counts = db.prepare('SELECT id, overlap_counts FROM calls ORDER BY id').all() as { id: number; overlap_counts: string }[];
    expect(JSON.parse(counts[0]?.overlap_counts ?? 'null')).toEqual({});
    expect(Object.values(JSON.parse(counts[1]?.overlap_counts ?? '{}'))).toEqual([1]);
    db.close();
  });

  it('carries its call\'s start, also when a later event corrects it (migration 20)', () => {
    const db = stores.db();
    const id = storePayload(db, call('c-1', [640, 1210]));
    const starts = () => db.prepare('SELECT DISTINCT call_started_at FROM reply_latencies WHERE call_id = ?').pluck().all(id);
    expect(starts()).toEqual([new Date(Date.UTC(2026, 0, 1)).toISOString()]);
    db.prepare("UPDATE calls SET started_at = '2026-02-03T04:05:06.000Z' WHERE id = ?").run(id);
    expect(starts()).toEqual(['2026-02-03T04:05:06.000Z']);
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
