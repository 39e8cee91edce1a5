import type { CallListFilter } from '../../core/api/types';
import type { OverviewPeriod } from '../../core/api/overview-contract';
import { timeBuckets } from '../../core/overview/bins';
import type { Snapshot } from '../../core/overview/aggregate';
import type { Db } from './db';
import { stmt } from './statements';
import { binSql, callSet, type CallSet, type Params } from './overview-sql';

/**
 * Two reads in the period's index order (the figures are in calls_for_overview, the replies by
 * primary key), then every tile, bar, point and row is a pass over numbers (core/overview/aggregate.ts):
 * cheaper than one GROUP BY per plot, which sorts every reply (SQLite has no hash aggregate) and
 * reads the replies again for each. Reply values come as one column (`pluck`), the cheapest read.
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
function coder(): { codes: (string | null)[]; code(value: string | null): number } {
  const codes: (string | null)[] = [];
  const index = new Map<string | null, number>();
  return {
    codes,
    code(value) {
      let at = index.get(value);
      if (at === undefined) {
        at = codes.length;
        codes.push(value);
        index.set(value, at);
      }
      return at;
    },
  };
}

const ORDER = 'ORDER BY calls.started_at, calls.id';

export function snapshotSql(set: CallSet, edges: readonly string[]): { calls: string; replies: string } {
  const bucket = edges.length > 1 ? binSql('calls.started_at', edges.slice(0, -1)) : '0';
  return {
    calls: `${set.select(`${bucket} AS b, calls.agent_id, CASE calls.verdict WHEN 'success' THEN 1 WHEN 'failure' THEN 2 ELSE 0 END, calls.interruption_count, calls.ttfw_ms, calls.end_reason`)} ${ORDER}`,
    // one value per reply, and a call's first row marked: NULL (no replies) or -1 - ms (its first reply); latencies are > 0 (METRICS §1)
    replies: `SELECT CASE WHEN rl.seq IS NULL THEN NULL WHEN rl.seq = 0 THEN -1 - rl.ms ELSE rl.ms END AS v
      FROM (${set.select('calls.id AS id, calls.started_at AS t')} ${ORDER}) s LEFT JOIN reply_latencies rl ON rl.call_id = s.id ORDER BY s.t, s.id, rl.seq`,
  };
}

export function takeSnapshot(db: Db, filter: CallListFilter, period: OverviewPeriod): Snapshot {
  const set = callSet(db, filter, period);
  const { bucket, edges } = bucketsOf(db, set, period);
  const sql = snapshotSql(set, edges);
  const rows = stmt<Params, unknown[]>(db, sql.calls).raw().all(set.params) as [number, string | null, number, number | null, number | null, string | null][];
  const n = rows.length;
  const agents = coder();
  const reasons = coder();
  const snapshot: Snapshot = {
    calls: n,
    bucket,
    edges,
    bucketOf: new Int32Array(n),
    agents: agents.codes,
    agentOf: new Int32Array(n),
    endReasons: reasons.codes,
    endReasonOf: new Int32Array(n),
    verdict: new Uint8Array(n),
    interruptions: new Float64Array(n),
    ttfw: new Float64Array(n),
    replyCall: new Int32Array(0),
    ms: new Float64Array(0),
  };
  rows.forEach(([b, agent, verdict, interruptions, ttfw, reason], i) => {
    snapshot.bucketOf[i] = b;
    snapshot.agentOf[i] = agents.code(agent);
    snapshot.verdict[i] = verdict;
    snapshot.interruptions[i] = interruptions ?? Number.NaN;
    snapshot.ttfw[i] = ttfw ?? Number.NaN;
    snapshot.endReasonOf[i] = reasons.code(reason);
  });
  const values = stmt<Params, number | null>(db, sql.replies).pluck().all(set.params) as (number | null)[];
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
export function snapshotCache(db: Db, ttlMs = 30_000, size = 4): { get(filter: CallListFilter, period: OverviewPeriod): Snapshot; clear(): void } {
  const kept = new Map<string, { at: number; snapshot: Snapshot }>();
  return {
    get(filter, period) {
      const key = JSON.stringify([filter, period]);
      const hit = kept.get(key);
      if (hit && performance.now() - hit.at < ttlMs) return hit.snapshot;
      const snapshot = takeSnapshot(db, filter, period);
      kept.delete(key);
      kept.set(key, { at: performance.now(), snapshot });
      for (const old of kept.keys()) if (kept.size > size) kept.delete(old);
      return snapshot;
    },
    clear: () => kept.clear(),
  };
}
