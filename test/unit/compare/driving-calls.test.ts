import { describe, expect, it } from 'vitest';
import { drivingCalls } from '../../../src/core/compare/driving-calls';
import { replyDistribution } from '../../../src/core/compare/distribution';
import { buildCallSet, type CallFacts } from '../../../src/core/compare/figures';

const filters = { a: { agent_id: 'v1' }, b: { agent_id: 'v2', tags: ['refund'] } };

describe('the calls behind a difference', () => {
  it('slower replies in B: B\'s calls, the slowest first; faster: A\'s', () => {
    expect(drivingCalls('latency_p95_ms', 300, filters)).toEqual({ set: 'b', label: "B's calls, highest p90 latency first", filter: filters.b, sort: { column: 'latency_p90_ms', direction: 'desc' } });
    expect(drivingCalls('latency_p50_ms', -40, filters)).toMatchObject({ set: 'a', filter: filters.a, sort: { column: 'latency_p50_ms', direction: 'desc' } });
    expect(drivingCalls('ttfw_p50_ms', 10, filters).sort.column).toBe('ttfw_ms');
  });

  it('rates: the failures or successes of the side that has more of them', () => {
    expect(drivingCalls('failure_rate', 0.1, filters)).toMatchObject({ set: 'b', label: "B's failures", filter: { ...filters.b, verdict: 'failure' } });
    expect(drivingCalls('failure_rate', -0.1, filters)).toMatchObject({ set: 'a', filter: { agent_id: 'v1', verdict: 'failure' } });
    expect(drivingCalls('success_rate', -0.1, filters)).toMatchObject({ set: 'b', label: "B's failures", filter: { verdict: 'failure' } });
    expect(drivingCalls('reviewed_share', -0.2, filters)).toMatchObject({ set: 'b', label: "B's unreviewed calls", filter: { verdict: 'unreviewed' } });
  });

  it('the evaluator pass rate: the failures of the evaluator whose fail share moved most, on the side that fails more', () => {
    const counts = (id: string, pass: number, fail: number) => ({ evaluator_id: id, name: id.toUpperCase(), pass, fail });
    const evaluators = { a: [counts('polite', 9, 1), counts('brief', 5, 5)], b: [counts('polite', 4, 6), counts('brief', 4, 6)] };
    expect(drivingCalls('eval_pass_rate', -0.3, filters, evaluators)).toEqual({
      set: 'b',
      label: "B's calls that “POLITE” failed",
      filter: { ...filters.b, evaluations: [{ evaluator_id: 'polite', outcome: 'fail' }] },
      sort: { column: 'started_at', direction: 'desc' },
    });
    // B passes more: A's failures of the evaluator B fails less
    expect(drivingCalls('eval_pass_rate', 0.3, filters, { a: evaluators.b, b: evaluators.a })).toMatchObject({ set: 'a', filter: { agent_id: 'v1', evaluations: [{ evaluator_id: 'polite', outcome: 'fail' }] } });
    // no evaluator worse anywhere: B's calls
    expect(drivingCalls('eval_pass_rate', -0.1, filters, { a: evaluators.b, b: evaluators.a })).toMatchObject({ set: 'b', label: "B's calls", filter: filters.b });
  });

  it('never leaves the set: a set that has a verdict keeps it', () => {
    expect(drivingCalls('failure_rate', 0.1, { a: {}, b: { verdict: 'success' } }).filter).toEqual({ verdict: 'success' });
  });
});

describe('the overlaid distribution', () => {
  const call = (id: number, replies: number[]): CallFacts => ({ id, verdict: null, ttfw_ms: null, interruption_count: null, eval_pass: 0, eval_fail: 0, reply_latencies: replies });

  it('puts both sets on the same round bins, the tail in the last one, each set\'s shares adding to 1', () => {
    const a = buildCallSet([call(1, [100, 250, 420]), call(2, [480])]);
    const b = buildCallSet([call(3, [700, 760, 5000])]);
    const d = replyDistribution(a, b);
    expect(d.bin_ms).toBe(200);
    expect(d.edges_ms[0]).toBe(0);
    expect(d.a.count).toHaveLength(d.edges_ms.length);
    expect(d.a.count.reduce((s, c) => s + c, 0)).toBe(4);
    expect(d.b.count.at(-1)).toBe(1);
    expect(d.b.share.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(d.a.count.slice(0, 3)).toEqual([1, 1, 2]);
  });

  it('empty sets give empty shares, not NaN', () => {
    const d = replyDistribution(buildCallSet([]), buildCallSet([]));
    expect(d.a).toEqual({ count: [0], share: [0], replies: 0 });
  });
});
