import { describe, expect, it } from 'vitest';
import { nextUnreviewedIn, progressText, withMarks } from '../../src/renderer/src/queue/queue-order';
import { defaultQueueName, filterInWords } from '../../src/renderer/src/queue/queue-name';

/** Moving through a review queue, and the words that name one. */

const queue = (reviewed: boolean[]) => reviewed.map((r, i) => ({ call_id: i + 1, reviewed: r }));

describe('a review queue', () => {
  it('goes on to the next unreviewed call after the open one, wrapping round, never the open one itself', () => {
    const calls = queue([true, false, true, false]);
    expect(nextUnreviewedIn(calls, 1)).toBe(2);
    expect(nextUnreviewedIn(calls, 2)).toBe(4);
    expect(nextUnreviewedIn(calls, 4)).toBe(2);
    expect(nextUnreviewedIn(calls, null)).toBe(2);
    // a call not in the queue (the list shows another): from the top
    expect(nextUnreviewedIn(calls, 99)).toBe(2);
    expect(nextUnreviewedIn(queue([true, false]), 2)).toBeNull();
    expect(nextUnreviewedIn(queue([true, true]), null)).toBeNull();
  });

  it('counts verdicts given here before its read shows them', () => {
    const calls = queue([false, false, true]);
    const marked = withMarks(calls, new Map([[1, { reviewed: true }], [3, { reviewed: false }]]));
    expect(marked.map((c) => c.reviewed)).toEqual([true, false, false]);
    expect(nextUnreviewedIn(marked, 1)).toBe(2);
    expect(withMarks(calls, new Map())).toBe(calls);
  });

  it('says its progress', () => {
    expect(progressText(14, 50)).toBe('14 of 50 reviewed');
    expect(progressText(50, 50)).toBe('All 50 reviewed');
    expect(progressText(1200, 1500)).toBe('1,200 of 1,500 reviewed');
  });

  it('is named after its view and its sample', () => {
    expect(filterInWords({})).toBe('All calls');
    expect(filterInWords({ verdict: 'unreviewed', agent_id: 'sales', metrics: [{ column: 'latency_p90_ms', op: '>', value: 2000 }] })).toBe('Unreviewed, agent sales, p90 > 2000');
    expect(filterInWords({ platform: 'vapi', tags: ['refund'] })).toBe('Vapi, #refund');
    expect(defaultQueueName({}, { kind: 'worst', n: 10, column: 'ttfw_ms' }, 200)).toBe('All calls: the 10 worst by time to first word');
    expect(defaultQueueName({ agent_id: 'a' }, { kind: 'view', n: 40, sort: { column: 'started_at', direction: 'desc' } }, 40)).toBe('Agent a: every call');
    expect(defaultQueueName({}, { kind: 'per_agent', n: 3 }, null)).toBe('All calls: 3 per agent');
  });
});
