import type { AgentFigures, EndReasonCount, FleetFigures, LatencyBin, LatencyHistogram, OverviewSeries } from '../api/overview-contract';
import { binIndex } from './bins';
import { nearestRankOfSorted } from '../metrics/percentile';

/**
 * The calls of a period as the Overview aggregates them: per call its time bucket, agent, verdict,
 * interruptions, time to first word and end reason, and every reply latency with its call, in
 * flat arrays (the store reads them, main/store/overview-snapshot.ts). The figures follow
 * docs/METRICS.md "Fleet figures"; a figure with nothing to measure is null.
 */
export interface Snapshot {
  calls: number;
  bucket: 'hour' | 'day';
  /** bucket edges (ISO), one more than the buckets; empty when the set is empty and the period open. */
  edges: string[];
  bucketOf: Int32Array;
  agents: (string | null)[];
  agentOf: Int32Array;
  endReasons: (string | null)[];
  endReasonOf: Int32Array;
  /** 0 none, 1 success, 2 failure */
  verdict: Uint8Array;
  /** NaN: unknown */
  interruptions: Float64Array;
  ttfw: Float64Array;
  /** per reply: its call's index, and its latency */
  replyCall: Int32Array;
  ms: Float64Array;
}

export interface PassFail {
  pass: number;
  fail: number;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);


const sortedReplies = new WeakMap<Snapshot, Float64Array>();

/** The snapshot's reply latencies, ascending: sorted once, whichever of the tiles and the histogram asks first. */
function sortedMs(s: Snapshot): Float64Array {
  let sorted = sortedReplies.get(s);
  if (!sorted) {
    sorted = Float64Array.from(s.ms).sort();
    sortedReplies.set(s, sorted);
  }
  return sorted;
}

/** Values grouped by a code, each group ascending. */
function groupedSorted(codes: ArrayLike<number>, values: ArrayLike<number>, groups: number): Float64Array[] {
  const sizes = new Int32Array(groups);
  for (let i = 0; i < values.length; i++) {
    const g = codes[i] ?? -1;
    if (g >= 0 && g < groups) sizes[g] = (sizes[g] ?? 0) + 1;
  }
  const out = Array.from(sizes, (size) => new Float64Array(size));
  const filled = new Int32Array(groups);
  for (let i = 0; i < values.length; i++) {
    const g = codes[i] ?? -1;
    const group = out[g];
    if (!group) continue;
    group[filled[g] ?? 0] = values[i] ?? 0;
    filled[g] = (filled[g] ?? 0) + 1;
  }
  for (const group of out) group.sort();
  return out;
}

/** Each reply's group, by its call's group. */
function replyGroups(s: Snapshot, callGroup: Int32Array): Int32Array {
  return s.replyCall.map((call) => callGroup[call] ?? -1);
}

/** The fleet figures (docs/METRICS.md "Fleet figures"); `evals`: the set's newest evaluator results. */
export function fleetFiguresOf(s: Snapshot, evals: PassFail): FleetFigures {
  let reviewed = 0;
  let success = 0;
  let interruptions = 0;
  let known = 0;
  for (let i = 0; i < s.calls; i++) {
    const verdict = s.verdict[i] ?? 0;
    if (verdict !== 0) reviewed++;
    if (verdict === 1) success++;
    const v = s.interruptions[i] ?? Number.NaN;
    if (!Number.isNaN(v)) {
      interruptions += v;
      known++;
    }
  }
  const latencies = sortedMs(s);
  return {
    calls: s.calls,
    reviewed_share: ratio(reviewed, s.calls),
    success_rate: ratio(success, reviewed),
    failure_rate: ratio(reviewed - success, reviewed),
    eval_pass_rate: ratio(evals.pass, evals.pass + evals.fail),
    latency_p50_ms: nearestRankOfSorted(latencies, 0.5),
    latency_p90_ms: nearestRankOfSorted(latencies, 0.9),
    latency_p95_ms: nearestRankOfSorted(latencies, 0.95),
    ttfw_p50_ms: nearestRankOfSorted(s.ttfw.filter((v) => !Number.isNaN(v)).sort(), 0.5),
    interruptions_per_call: ratio(interruptions, known),
  };
}

/** The bars (lower edges; the last has no upper end): replies, and distinct calls (a call's replies are consecutive). */
export function histogramOf(s: Snapshot, edges: readonly number[], scale: 'linear' | 'log'): LatencyHistogram {
  const replies = new Int32Array(edges.length);
  const calls = new Int32Array(edges.length);
  const lastCall = new Int32Array(edges.length).fill(-1);
  s.ms.forEach((ms, i) => {
    const bin = binIndex(edges, ms);
    const call = s.replyCall[i] ?? -1;
    replies[bin] = (replies[bin] ?? 0) + 1;
    if (lastCall[bin] !== call) {
      lastCall[bin] = call;
      calls[bin] = (calls[bin] ?? 0) + 1;
    }
  });
  const sorted = sortedMs(s);
  const bins: LatencyBin[] = edges.map((min, i) => ({ min_ms: min, max_ms: edges[i + 1] ?? null, replies: replies[i] ?? 0, calls: calls[i] ?? 0 }));
  return { scale, bins, replies: s.ms.length, p50_ms: nearestRankOfSorted(sorted, 0.5), p90_ms: nearestRankOfSorted(sorted, 0.9), p95_ms: nearestRankOfSorted(sorted, 0.95) };
}

export function seriesOf(s: Snapshot): OverviewSeries {
  const buckets = Math.max(0, s.edges.length - 1);
  const latencies = groupedSorted(replyGroups(s, s.bucketOf), s.ms, buckets);
  const calls = new Int32Array(buckets);
  const sums = new Float64Array(buckets);
  const known = new Int32Array(buckets);
  s.bucketOf.forEach((b, i) => {
    calls[b] = (calls[b] ?? 0) + 1;
    const v = s.interruptions[i] ?? Number.NaN;
    if (!Number.isNaN(v)) {
      sums[b] = (sums[b] ?? 0) + v;
      known[b] = (known[b] ?? 0) + 1;
    }
  });
  return {
    bucket: s.bucket,
    points: Array.from({ length: buckets }, (_, b) => {
      const sorted = latencies[b] ?? new Float64Array(0);
      return {
        start: s.edges[b] ?? '',
        end: s.edges[b + 1] ?? '',
        calls: calls[b] ?? 0,
        latency_p50_ms: nearestRankOfSorted(sorted, 0.5),
        latency_p90_ms: nearestRankOfSorted(sorted, 0.9),
        interruptions_per_call: ratio(sums[b] ?? 0, known[b] ?? 0),
      };
    }),
  };
}

export function endReasonsOf(s: Snapshot): EndReasonCount[] {
  const counts = new Int32Array(s.endReasons.length);
  for (const r of s.endReasonOf) counts[r] = (counts[r] ?? 0) + 1;
  return s.endReasons
    .map((end_reason, i) => ({ end_reason, calls: counts[i] ?? 0 }))
    .sort((a, b) => b.calls - a.calls || String(a.end_reason).localeCompare(String(b.end_reason)));
}

/** Each agent's figures, most calls first; `evals` by agent id. */
export function agentsOf(s: Snapshot, evals: ReadonlyMap<string | null, PassFail>): AgentFigures[] {
  const groups = s.agents.length;
  const latencies = groupedSorted(replyGroups(s, s.agentOf), s.ms, groups);
  const count = new Int32Array(groups);
  const reviewed = new Int32Array(groups);
  const failures = new Int32Array(groups);
  const known = new Int32Array(groups);
  const interrupted = new Int32Array(groups);
  s.agentOf.forEach((a, i) => {
    count[a] = (count[a] ?? 0) + 1;
    const verdict = s.verdict[i] ?? 0;
    if (verdict !== 0) reviewed[a] = (reviewed[a] ?? 0) + 1;
    if (verdict === 2) failures[a] = (failures[a] ?? 0) + 1;
    const v = s.interruptions[i] ?? Number.NaN;
    if (!Number.isNaN(v)) {
      known[a] = (known[a] ?? 0) + 1;
      if (v > 0) interrupted[a] = (interrupted[a] ?? 0) + 1;
    }
  });
  return s.agents
    .map((agent_id, a) => {
      const sorted = latencies[a] ?? new Float64Array(0);
      const passFail = evals.get(agent_id);
      return {
        agent_id,
        calls: count[a] ?? 0,
        latency_p50_ms: nearestRankOfSorted(sorted, 0.5),
        latency_p90_ms: nearestRankOfSorted(sorted, 0.9),
        interruption_rate: ratio(interrupted[a] ?? 0, known[a] ?? 0),
        failure_rate: ratio(failures[a] ?? 0, reviewed[a] ?? 0),
        eval_pass_rate: passFail ? ratio(passFail.pass, passFail.pass + passFail.fail) : null,
      };
    })
    .sort((a, b) => b.calls - a.calls || String(a.agent_id).localeCompare(String(b.agent_id)));
}
