import { describe, expect, it } from 'vitest';
import { binIndex, LATENCY_EDGES, timeBuckets } from '../../src/core/overview/bins';
import { filterInPeriod, previousPeriod } from '../../src/core/overview/period';
import { agentsOf, endReasonsOf, histogramOf, seriesOf, type Snapshot } from '../../src/core/overview/aggregate';
import { nearestRankOfSorted as rankOfSorted } from '../../src/core/metrics/percentile';
import { filterChips } from '../../src/renderer/src/filters/chips';
import { formatChange } from '../../src/renderer/src/overview/format';

/** Issue 15: the Overview's bins, periods and aggregates, and the list chip a bar's click adds. */

describe('bins and periods', () => {
  it('bars: 50 ms up to 3 s, 500 ms up to 10 s, then open; log bars in whole milliseconds', () => {
    const edges = LATENCY_EDGES.linear;
    expect(edges.slice(0, 3)).toEqual([0, 50, 100]);
    expect(edges[binIndex(edges, 849.9)]).toBe(800);
    expect(edges[binIndex(edges, 850)]).toBe(850);
    expect(edges[binIndex(edges, 3200)]).toBe(3000);
    expect(edges[binIndex(edges, 60_000)]).toBe(10_000);
    expect(LATENCY_EDGES.log.every((e) => Number.isInteger(e))).toBe(true);
    expect(LATENCY_EDGES.log.slice(0, 4)).toEqual([0, 100, 126, 158]);
  });

  it('buckets: local hours up to two days, else local days from local midnight', () => {
    const start = new Date(2026, 5, 1, 10, 30);
    const hours = timeBuckets(start, new Date(2026, 5, 2, 10, 30));
    expect(hours.bucket).toBe('hour');
    expect(hours.edges[0]).toEqual(new Date(2026, 5, 1, 10));
    expect(hours.edges).toHaveLength(26);
    const days = timeBuckets(start, new Date(2026, 5, 8, 10, 30));
    expect(days.bucket).toBe('day');
    expect(days.edges[0]).toEqual(new Date(2026, 5, 1));
    expect(days.edges.at(-1)).toEqual(new Date(2026, 5, 9));
  });

  it('a period joins the filter\'s own dates; the previous period is as long, just before', () => {
    const period = { start: '2026-06-10T00:00:00.000Z', end: '2026-06-20T00:00:00.000Z' };
    expect(filterInPeriod({ agent_id: 'a', started_after: '2026-06-15T00:00:00.000Z' }, period)).toEqual({ agent_id: 'a', started_after: '2026-06-15T00:00:00.000Z', started_before: period.end });
    expect(filterInPeriod({}, { start: null, end: null })).toEqual({});
    expect(previousPeriod(period)).toEqual({ start: '2026-05-31T00:00:00.000Z', end: period.start });
    expect(previousPeriod({ start: null, end: null })).toBeNull();
  });
});

/** Two buckets, two agents; call 0 has replies 100 and 900, call 1 none, call 2 replies 120. */
const snapshot: Snapshot = {
  calls: 3,
  bucket: 'day',
  edges: ['2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z', '2026-06-03T00:00:00.000Z'],
  bucketOf: Int32Array.from([0, 0, 1]),
  agents: ['a', 'b'],
  agentOf: Int32Array.from([0, 1, 0]),
  endReasons: ['hangup', null],
  endReasonOf: Int32Array.from([0, 1, 0]),
  verdict: Uint8Array.from([2, 0, 1]),
  interruptions: Float64Array.from([2, Number.NaN, 0]),
  ttfw: Float64Array.from([500, 700, Number.NaN]),
  replyCall: Int32Array.from([0, 0, 2]),
  ms: Float64Array.from([100, 900, 120]),
};

describe('aggregates over a snapshot', () => {
  it('nearest rank', () => {
    expect(rankOfSorted(Float64Array.from([1, 2, 3, 4]), 0.5)).toBe(2);
    expect(rankOfSorted(Float64Array.from([1, 2, 3, 4]), 0.9)).toBe(4);
    expect(rankOfSorted(new Float64Array(0), 0.5)).toBeNull();
  });

  it('histogram counts replies and distinct calls per bar', () => {
    const h = histogramOf(snapshot, LATENCY_EDGES.linear, 'linear');
    expect(h.bins.find((b) => b.min_ms === 100)).toEqual({ min_ms: 100, max_ms: 150, replies: 2, calls: 2 });
    expect(h.bins.find((b) => b.min_ms === 900)).toEqual({ min_ms: 900, max_ms: 950, replies: 1, calls: 1 });
    expect([h.replies, h.p50_ms, h.p95_ms]).toEqual([3, 120, 900]);
  });

  it('series, end reasons and agents', () => {
    const series = seriesOf(snapshot);
    expect(series.points.map((p) => [p.calls, p.latency_p50_ms, p.interruptions_per_call])).toEqual([[2, 100, 2], [1, 120, 0]]);
    expect(endReasonsOf(snapshot)).toEqual([{ end_reason: 'hangup', calls: 2 }, { end_reason: null, calls: 1 }]);
    const agents = agentsOf(snapshot, new Map([['a', { pass: 1, fail: 3 }]]));
    expect(agents[0]).toEqual({ agent_id: 'a', calls: 2, latency_p50_ms: 120, latency_p90_ms: 900, interruption_rate: 0.5, failure_rate: 0.5, eval_pass_rate: 0.25 });
    expect(agents[1]).toEqual({ agent_id: 'b', calls: 1, latency_p50_ms: null, latency_p90_ms: null, interruption_rate: null, failure_rate: null, eval_pass_rate: null });
  });
});

describe('the Overview on screen', () => {
  it('a bar\'s filter shows as a chip that removes it', () => {
    const chips = filterChips({ reply_latency_ms: { min: 800, max: 850 } }, (id) => id);
    expect(chips.map((c) => c.label)).toEqual(['A reply: 800–850 ms']);
    expect(chips[0]?.without({ reply_latency_ms: { min: 800, max: 850 }, agent_id: 'a' })).toEqual({ agent_id: 'a', reply_latency_ms: undefined });
    expect(filterChips({ reply_latency_ms: { min: 10_000 } }, (id) => id)[0]?.label).toBe('A reply: 10000 ms or more');
  });

  it('changes: points for rates, per cent otherwise, nothing when unknown', () => {
    expect(formatChange(0.5, 0.25, 'rate')).toEqual({ text: '+25.0 pp', sign: 1 });
    expect(formatChange(900, 1000, 'ms')).toEqual({ text: '-10%', sign: -1 });
    expect(formatChange(null, 1000, 'ms')).toBeNull();
  });
});
