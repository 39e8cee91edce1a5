import type { CallListFilter } from '../../core/api/types';
import type { EvaluatorSeries, LatencyHistogram, OverviewPeriod, OverviewSeries } from '../../core/api/overview-contract';
import { LATENCY_EDGES, timeBuckets } from '../../core/overview/bins';
import type { Db } from './db';
import { stmt } from './statements';
import { binSql, callSet, countsByGroup, newestResultsJoin, PASS_OR_FAIL, ranks, ratio, type CallSet, type Params } from './overview-sql';
import { latencyCountsSql } from './overview-figures';

/** Query modules for the Overview's plots: binned and bucketed in SQL, so the screen gets bars and points, never replies. */

/** The histogram's bars: replies and distinct calls per bar (a call's replies are one run of the join, grouped per call first). */
export function histogramSql(set: CallSet, edges: readonly number[]): string {
  return `SELECT bin, count(*) AS calls, sum(n) AS replies FROM (
      SELECT ${binSql('rl.ms', edges)} AS bin, s.id AS id, count(*) AS n
      FROM (${set.select('calls.id AS id')}) s JOIN reply_latencies rl ON rl.call_id = s.id GROUP BY s.id, bin
    ) GROUP BY bin ORDER BY bin`;
}

export function latencyHistogram(db: Db, filter: CallListFilter, period: OverviewPeriod, scale: 'linear' | 'log'): LatencyHistogram {
  const set = callSet(db, filter, period);
  const edges = LATENCY_EDGES[scale];
  const counted = new Map(stmt<Params, { bin: number; calls: number; replies: number }>(db, histogramSql(set, edges)).all(set.params).map((row) => [row.bin, row]));
  const latencies = stmt<Params, { value: number; n: number }>(db, latencyCountsSql(set)).all(set.params);
  const [p50, p90, p95] = ranks(latencies, [0.5, 0.9, 0.95]);
  return {
    scale,
    bins: edges.map((min, i) => ({ min_ms: min, max_ms: edges[i + 1] ?? null, replies: counted.get(i)?.replies ?? 0, calls: counted.get(i)?.calls ?? 0 })),
    replies: latencies.reduce((sum, c) => sum + c.n, 0),
    p50_ms: p50 ?? null,
    p90_ms: p90 ?? null,
    p95_ms: p95 ?? null,
  };
}

/** The period's buckets; an open period runs from the set's first call to its last. */
function bucketsOf(db: Db, set: CallSet, period: OverviewPeriod): { bucket: 'hour' | 'day'; edges: string[] } | null {
  let { start, end } = period;
  if (start === null || end === null) {
    const span = stmt<Params, { first: string | null; last: string | null }>(db, `SELECT min(t) AS first, max(t) AS last FROM (${set.select('calls.started_at AS t')})`).get(set.params);
    if (!span?.first || !span.last) return null;
    start ??= span.first;
    end ??= new Date(Date.parse(span.last) + 1).toISOString();
  }
  const { bucket, edges } = timeBuckets(new Date(start), new Date(end));
  return { bucket, edges: edges.map((edge) => edge.toISOString()) };
}

export function seriesSql(set: CallSet, edges: readonly string[]): { calls: string; latencies: string } {
  const bucket = binSql('calls.started_at', edges.slice(0, -1));
  return {
    calls: `SELECT b AS g, count(*) AS calls, sum(ic) AS interruptions, count(ic) AS known FROM (${set.select(`${bucket} AS b, calls.interruption_count AS ic`)}) GROUP BY b`,
    latencies: `SELECT s.b AS g, rl.ms AS value, count(*) AS n FROM (${set.select(`${bucket} AS b, calls.id AS id`)}) s JOIN reply_latencies rl ON rl.call_id = s.id
      GROUP BY s.b, rl.ms ORDER BY s.b, rl.ms`,
  };
}

export function overviewSeries(db: Db, filter: CallListFilter, period: OverviewPeriod): OverviewSeries {
  const set = callSet(db, filter, period);
  const buckets = bucketsOf(db, set, period);
  if (!buckets) return { bucket: 'day', points: [] };
  const sql = seriesSql(set, buckets.edges);
  const perBucket = new Map(
    stmt<Params, { g: number; calls: number; interruptions: number | null; known: number }>(db, sql.calls)
      .all(set.params)
      .map((row) => [row.g, row]),
  );
  const latencies = countsByGroup(stmt<Params, { g: number; value: number; n: number }>(db, sql.latencies).all(set.params));
  return {
    bucket: buckets.bucket,
    points: buckets.edges.slice(0, -1).map((start, i) => {
      const row = perBucket.get(i);
      const [p50, p90] = ranks(latencies.get(i) ?? [], [0.5, 0.9]);
      return {
        start,
        end: buckets.edges[i + 1] ?? start,
        calls: row?.calls ?? 0,
        latency_p50_ms: p50 ?? null,
        latency_p90_ms: p90 ?? null,
        interruptions_per_call: row && row.known > 0 ? ratio(row.interruptions ?? 0, row.known) : null,
      };
    }),
  };
}

export function evaluatorSeries(db: Db, filter: CallListFilter, period: OverviewPeriod): EvaluatorSeries {
  const set = callSet(db, filter, period);
  const buckets = bucketsOf(db, set, period);
  if (!buckets) return { bucket: 'day', buckets: [], evaluators: [] };
  const starts = buckets.edges.slice(0, -1);
  const sql = `SELECT b AS g, public_id AS evaluator, coalesce(sum(pf = 1), 0) AS pass, coalesce(sum(pf = 0), 0) AS fail FROM (
      SELECT s.b AS b, e.public_id AS public_id, ${PASS_OR_FAIL} AS pf ${newestResultsJoin(set.select(`${binSql('calls.started_at', starts)} AS b, calls.id AS id`))}
    ) GROUP BY b, public_id ORDER BY public_id`;
  const rows = stmt<Params, { g: number; evaluator: string; pass: number; fail: number }>(db, sql).all(set.params);
  const byEvaluator = new Map<string, { id: string; pass: number[]; fail: number[] }>();
  for (const row of rows) {
    let series = byEvaluator.get(row.evaluator);
    if (!series) {
      series = { id: row.evaluator, pass: starts.map(() => 0), fail: starts.map(() => 0) };
      byEvaluator.set(row.evaluator, series);
    }
    series.pass[row.g] = row.pass;
    series.fail[row.g] = row.fail;
  }
  return { bucket: buckets.bucket, buckets: starts.map((start, i) => ({ start, end: buckets.edges[i + 1] ?? start })), evaluators: [...byEvaluator.values()] };
}
