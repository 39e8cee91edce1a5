import type { CallListFilter } from '../../core/api/types';
import type { OverviewPeriod } from '../../core/api/overview-contract';
import { timeBuckets } from '../../core/overview/bins';
import type { Snapshot } from '../../core/overview/aggregate';
import type { Db } from './db';
import { stmt } from './statements';
import { binSql, callSet, type CallSet, type Params } from './overview-sql';

/**
 * The calls of a period read once per filter and period (the figures from calls_for_overview, the
 * replies by primary key), then every tile, bar, point and row is a pass over numbers
 * (core/overview/aggregate.ts): cheaper than a GROUP BY per plot, which sorts every reply (SQLite
 * has no hash aggregate) and reads the replies again for each.
 */
/** The period's buckets; an open period runs from the set's first call to its last. */
export function bucketsOf(db: Db, set: CallSet, period: OverviewPeriod): { bucket: 'hour' | 'day'; edges: string[] } {
  let { start, end } = period;
  if (start === null || end === null) {
    const span = stmt<Params, { first: string | null; last: string | null }>(db, `SELECT min(t) AS first, max(t) AS last FROM (${set.select('calls.started_at AS t')})`).get(set.params);
    if (!span?.first || !span.last) return { bucket: 'day', edges: [] };
    start ??= span.first;
    end ??= new Date(Date.parse(span.last) + 1).toISOString();
  }
  const { bucket, edges } = timeBuckets(new Date(start), new Date(end));
  return { bucket, edges: edges.map((edge) => edge.toISOString()) };
}

/** Codes for a column's values in order of first sight. */
function encode(values: readonly (string | null)[]): { codes: (string | null)[]; of: Int32Array } {
  const codes: (string | null)[] = [];
  const index = new Map<string | null, number>();
  const of = new Int32Array(values.length);
  values.forEach((value, i) => {
    let at = index.get(value);
    if (at === undefined) {
      at = codes.length;
      codes.push(value);
      index.set(value, at);
    }
    of[i] = at;
  });
  return { codes, of };
}

const ORDER = 'ORDER BY calls.started_at, calls.id';
/** interruption counts are packed below this (a count this high is not a call) */
const PACK = 1_048_576;

/**
 * The reads, all in the same order (the period's index, or the few calls of a rare condition,
 * sorted). One column each: better-sqlite3 makes an array per row for several columns, which
 * cost more than the reading; so the bucket, verdict and interruptions travel as one number.
 */
export function snapshotSql(set: CallSet, edges: readonly string[]): { packed: string; agents: string; endReasons: string; ttfw: string; replies: string } {
  const bucket = edges.length > 1 ? binSql('calls.started_at', edges.slice(0, -1)) : '0';
  const column = (expr: string) => `${set.select(expr)} ${ORDER}`;
  return {
    packed: column(
      `((${bucket}) * 4 + CASE calls.verdict WHEN 'success' THEN 1 WHEN 'failure' THEN 2 ELSE 0 END) * ${PACK} + coalesce(min(calls.interruption_count + 1, ${PACK - 1}), 0)`,
    ),
    agents: column('calls.agent_id'),
    endReasons: column('calls.end_reason'),
    ttfw: column('calls.ttfw_ms'),
    // one value per reply, and a call's first row marked: NULL (no replies) or -1 - ms (its first reply); latencies are > 0 (METRICS §1)
    replies: set.selectJoined(
      'CASE WHEN rl.seq IS NULL THEN NULL WHEN rl.seq = 0 THEN -1 - rl.ms ELSE rl.ms END',
      // along the time index, in the calls' own order (IS: a call without a start is matched too)
      'LEFT JOIN reply_latencies rl INDEXED BY reply_latencies_by_time ON rl.call_started_at IS calls.started_at AND rl.call_id = calls.id',
      `${ORDER}, rl.seq`,
    ),
  };
}

/**
 * What a snapshot is for: every plot ('all'), or the tiles alone ('figures': the previous period's,
 * which skips the buckets, the agents and the end reasons, a third of the reads of a wide period).
 */
export type SnapshotParts = 'all' | 'figures';

export function takeSnapshot(db: Db, filter: CallListFilter, period: OverviewPeriod, parts: SnapshotParts = 'all'): Snapshot {
  const set = callSet(db, filter, period);
  const { bucket, edges } = parts === 'all' ? bucketsOf(db, set, period) : { bucket: 'day' as const, edges: [] };
  const sql = snapshotSql(set, edges);
  const column = <T>(query: string) => stmt<Params, T>(db, query).pluck().all(set.params) as T[];
  const packed = column<number>(sql.packed);
  const n = packed.length;
  const unread = () => ({ codes: [null], of: new Int32Array(n) });
  const agents = parts === 'all' ? encode(column<string | null>(sql.agents)) : unread();
  const endReasons = parts === 'all' ? encode(column<string | null>(sql.endReasons)) : unread();
  const ttfw = column<number | null>(sql.ttfw);
  if (agents.of.length !== n || endReasons.of.length !== n || ttfw.length !== n) throw new Error('overview: the calls changed between the reads of one snapshot');
  const snapshot: Snapshot = {
    calls: n,
    bucket,
    edges,
    bucketOf: new Int32Array(n),
    agents: agents.codes,
    agentOf: agents.of,
    endReasons: endReasons.codes,
    endReasonOf: endReasons.of,
    verdict: new Uint8Array(n),
    interruptions: new Float64Array(n),
    ttfw: Float64Array.from(ttfw, (v) => v ?? Number.NaN),
    replyCall: new Int32Array(0),
    ms: new Float64Array(0),
  };
  packed.forEach((v, i) => {
    const high = Math.floor(v / PACK);
    const interruptions = v - high * PACK;
    snapshot.bucketOf[i] = Math.floor(high / 4);
    snapshot.verdict[i] = high % 4;
    snapshot.interruptions[i] = interruptions === 0 ? Number.NaN : interruptions - 1;
  });
  const values = column<number | null>(sql.replies);
  const ms = new Float64Array(values.length);
  const replyCall = new Int32Array(values.length);
  let call = -1;
  let count = 0;
  for (const v of values) {
    if (v === null) {
      call++;
      continue;
    }
    if (v < 0) call++;
    ms[count] = v < 0 ? -1 - v : v;
    replyCall[count] = call;
    count++;
  }
  if (call !== n - 1) throw new Error(`overview: the replies read ${call + 1} calls where the calls read ${n}`);
  snapshot.ms = ms.subarray(0, count);
  snapshot.replyCall = replyCall.subarray(0, count);
  return snapshot;
}

/**
 * Snapshots kept while the page's reads of one refresh come in (and while the user flips a plot's
 * scale or table), dropped on any change to the calls and after `ttlMs`.
 */
export function snapshotCache(db: Db, ttlMs = 30_000, size = 4): { get(filter: CallListFilter, period: OverviewPeriod, parts?: SnapshotParts): Snapshot; clear(): void } {
  const kept = new Map<string, { at: number; snapshot: Snapshot }>();
  const fresh = (key: string) => {
    const hit = kept.get(key);
    return hit && performance.now() - hit.at < ttlMs ? hit.snapshot : undefined;
  };
  return {
    get(filter, period, parts = 'all') {
      const key = JSON.stringify([filter, period, parts]);
      // a whole snapshot serves the tiles too
      const hit = fresh(key) ?? (parts === 'figures' ? fresh(JSON.stringify([filter, period, 'all'])) : undefined);
      if (hit) return hit;
      const snapshot = takeSnapshot(db, filter, period, parts);
      kept.delete(key);
      kept.set(key, { at: performance.now(), snapshot });
      for (const old of kept.keys()) if (kept.size > size) kept.delete(old);
      return snapshot;
    },
    clear: () => kept.clear(),
  };
}
