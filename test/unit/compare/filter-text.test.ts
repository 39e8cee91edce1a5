import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FilterTextError, formatFilterText, parseFilterText } from '../../../src/core/compare/filter-text';
import { callListFilterSchema } from '../../../src/core/api/filter-schema';
import type { CallListFilter } from '../../../src/core/api/types';

describe('filter text', () => {
  it('reads every key of the documented syntax', () => {
    expect(
      parseFilterText('agent=sales-v2 tag=refund tag=vip verdict=failure since=2026-11-01 until=2026-11-07 platform=vapi end_reason=customer-ended-call p90>2000 ttfw<=900 duration>=30 q="refund please" eval:polite=fail within=7d'),
    ).toEqual({
      agent_id: 'sales-v2',
      tags: ['refund', 'vip'],
      verdict: 'failure',
      started_after: '2026-11-01T00:00:00.000Z',
      // until a date takes in that whole day
      started_before: '2026-11-08T00:00:00.000Z',
      platform: 'vapi',
      end_reason: 'customer-ended-call',
      metrics: [
        { column: 'latency_p90_ms', op: '>', value: 2000 },
        { column: 'ttfw_ms', op: '<=', value: 900 },
      ],
      min_duration_s: 30,
      q: 'refund please',
      evaluations: [{ evaluator_id: 'polite', outcome: 'fail' }],
      started_within_days: 7,
    } satisfies CallListFilter);
  });

  it('empty text is every call; JSON is the list filter', () => {
    expect(parseFilterText('  ')).toEqual({});
    expect(parseFilterText('{"agent_id": "a", "metrics": [{"column": "latency_p90_ms", "op": ">", "value": 1}]}')).toEqual({
      agent_id: 'a',
      metrics: [{ column: 'latency_p90_ms', op: '>', value: 1 }],
    });
  });

  it.each([
    ['agnt=sales', /unknown key "agnt" in "agnt=sales"/],
    ['sales', /"sales" is not key=value/],
    ['verdict=maybe', /"verdict=maybe": give one of success, failure, unreviewed, reviewed/],
    ['p90=2000', /"p90=2000": compare p90 with >, >=, < or <=/],
    ['p90>fast', /"p90>fast": "fast" is not a number/],
    ['since=2026-02-30', /"since=2026-02-30": 2026-02-30 is not a date/],
    ['since=yesterday', /"since=yesterday": give a date/],
    ['agent=', /"agent=": the value is missing/],
    ['agent>x', /"agent>x": agent takes =/],
    ['q="refund', /a quote is not closed/],
    ['eval:x=great', /"eval:x=great": give one of pass, fail, error, not_applicable, none/],
    ['within=week', /"within=week": give a number of days/],
    ['duration>30', /compare duration \(seconds\) with >= or <=/],
    ['{"agent_id": 3}', /the JSON filter: agent_id: /],
    ['{"agentid": "x"}', /the JSON filter: \$: .*agentid/],
    ['{agent', /the JSON filter does not parse/],
  ])('%s is refused, naming the bad part', (text, message) => {
    expect(() => parseFilterText(text)).toThrow(FilterTextError);
    expect(() => parseFilterText(text)).toThrow(message);
  });

  const value = fc.stringMatching(/^[\w"\\ =<>-]{1,12}$/).filter((s) => s.trim() === s && s.length > 0);
  const filterArb = fc.record(
    {
      agent_id: value,
      q: value,
      platform: value,
      tags: fc.array(fc.stringMatching(/^[a-z][a-z0-9 -]{0,10}[a-z0-9]$/), { minLength: 1, maxLength: 3 }),
      verdict: fc.constantFrom('success', 'failure', 'unreviewed', 'reviewed'),
      started_after: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      started_before: fc.integer({ min: 0, max: 3000 }).map((days) => new Date(Date.UTC(2020, 0, 1 + days)).toISOString()),
      min_duration_s: fc.integer({ min: 0, max: 1000 }),
      metrics: fc.array(
        fc.record({ column: fc.constantFrom('latency_p50_ms', 'latency_p90_ms', 'ttfw_ms', 'interruption_count', 'longest_silence_ms'), op: fc.constantFrom('>', '>=', '<', '<='), value: fc.integer({ min: -5, max: 5000 }) }),
        { minLength: 1, maxLength: 3 },
      ),
      evaluations: fc.array(fc.record({ evaluator_id: fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/), outcome: fc.constantFrom('pass', 'fail', 'error', 'not_applicable', 'none') }), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: [] },
  );

  it('formats any filter as text that parses back to it', () => {
    fc.assert(
      fc.property(filterArb, (raw) => {
        const filter = callListFilterSchema.parse(raw);
        expect(parseFilterText(formatFilterText(filter))).toEqual(filter);
      }),
      { numRuns: 300 },
    );
  });

  it('a filter the text cannot say is shown as its JSON, which parses back', () => {
    const filter: CallListFilter = { ids: [3, 4], agent_id: 'a' };
    expect(formatFilterText(filter)).toBe('{"ids":[3,4],"agent_id":"a"}');
    expect(parseFilterText(formatFilterText(filter))).toEqual(filter);
  });
});
