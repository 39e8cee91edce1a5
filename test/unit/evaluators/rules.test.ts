import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleSchema, type Rule } from '../../../src/core/evaluators/definition';
import { runRule, type RuleInput } from '../../../src/core/evaluators/rules';
import { transcriptTimingMetrics } from '../../../src/core/metrics/compute';
import type { Role, Turn } from '../../../src/core/model/call';

/** Rule evaluators on generated calls whose timings give known figures. */

const turn = (idx: number, role: Role, text: string, start_ms: number | null, end_ms: number | null): Turn => ({
  idx, role, text, start_ms, end_ms, words: null, tool: null, interrupted: null, agent_name: null,
});

const rule = (input: unknown): Rule => ruleSchema.parse(input);

function callOf(turns: Turn[], facts: Partial<Pick<RuleInput, 'end_reason' | 'duration_s'>> = {}): RuleInput {
  return { turns, metrics: turns.length > 0 ? transcriptTimingMetrics(turns) : null, end_reason: 'customer-ended-call', duration_s: 35, ...facts };
}

/**
 * Agent replies 400, 600, 800, 2000 and 1000 ms after the caller stops (turns 2, 4, 8, 10, 12): the
 * nearest-rank p90 of 5 values is the 5th smallest, 2000 ms. Turn 6 (agent) starts 500 ms inside
 * the caller's turn 5 and talks on past it: the agent interrupts once. Turn 9 (caller) does the same
 * to agent turn 8: the caller interrupts once.
 */
const timed = callOf([
  turn(0, 'agent', 'Hello, this call may be recorded. How can I help?', 0, 2000),
  turn(1, 'user', 'I need to change my appointment.', 2500, 5000),
  turn(2, 'agent', 'Sure, which day works for you?', 5400, 8000),
  turn(3, 'user', 'Thursday, if you have anything.', 8500, 11000),
  turn(4, 'agent', 'I have 3 pm or 4 pm on Thursday.', 11600, 14000),
  turn(5, 'user', 'Three works, and can you also check my', 14500, 17000),
  turn(6, 'agent', 'Booked for three. Anything else today?', 16500, 19000),
  turn(7, 'user', 'Yes, what does the cleaning cost?', 19500, 22000),
  turn(8, 'agent', 'A cleaning is eighty dollars with your plan.', 22800, 26000),
  turn(9, 'user', 'Wait, I thought it was covered in full.', 25500, 28000),
  turn(10, 'agent', 'Let me check that for you. It is covered.', 30000, 32000),
  turn(11, 'user', 'Great, bye.', 32500, 33000),
  turn(12, 'agent', 'Goodbye!', 34000, 35000),
]);

describe('latency_p90_under', () => {
  it('passes under the limit and fails at or over it, citing every slow reply', () => {
    expect(timed.metrics?.latency_ms?.p90).toBe(2000);
    expect(runRule(rule({ check: 'latency_p90_under', max_ms: 2500 }), timed)).toMatchObject({ passed: true, verdict: 'pass', evidence: [] });
    expect(runRule(rule({ check: 'latency_p90_under', max_ms: 2000 }), timed)).toMatchObject({ passed: false, evidence: [10] });
    const strict = runRule(rule({ check: 'latency_p90_under', max_ms: 900 }), timed);
    expect(strict).toMatchObject({ passed: false, evidence: [10, 12] });
    expect(strict.reason).toBe('Latency p90 is 2000 ms (limit 900 ms); 2 replies at or over the limit.');
  });

  it('is not applicable, with why, when nothing can be measured', () => {
    const untimed = callOf([turn(0, 'agent', 'Hi', null, null), turn(1, 'user', 'Hello', null, null)]);
    expect(runRule(rule({ check: 'latency_p90_under', max_ms: 1000 }), untimed)).toEqual({ verdict: 'not_applicable', passed: null, evidence: [], score: null, reason: 'No agent reply latency could be measured on this call.' });
    expect(runRule(rule({ check: 'interruptions_under', max: 1 }), untimed)).toMatchObject({ verdict: 'not_applicable', passed: null, evidence: [] });
  });

  it('agrees with a hand-computed nearest-rank p90 on generated calls', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 6000 }), (gaps, maxMs) => {
        // caller speaks 2 s, the agent answers after `gap`, speaks 2 s, repeat
        const turns: Turn[] = [];
        let at = 0;
        gaps.forEach((gap, i) => {
          turns.push(turn(2 * i, 'user', 'question', at, at + 2000));
          at += 2000 + gap;
          turns.push(turn(2 * i + 1, 'agent', 'answer', at, at + 2000));
          at += 2000 + 300;
        });
        const sorted = [...gaps].sort((a, b) => a - b);
        const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1] ?? 0;
        const verdict = runRule(rule({ check: 'latency_p90_under', max_ms: maxMs }), callOf(turns));
        expect(verdict.passed).toBe(p90 < maxMs);
        const slowTurns = gaps.flatMap((gap, i) => (gap >= maxMs ? [2 * i + 1] : []));
        expect(verdict.evidence).toEqual(verdict.passed ? [] : slowTurns);
      }),
      { numRuns: 200 },
    );
  });
});

describe('interruptions_under', () => {
  it('counts who talked over whom and cites the interrupting turn', () => {
    expect(timed.metrics?.interruptions?.agent_interrupts_user).toHaveLength(1);
    expect(timed.metrics?.interruptions?.user_interrupts_agent).toHaveLength(1);
    expect(runRule(rule({ check: 'interruptions_under', max: 2 }), timed)).toMatchObject({ passed: true });
    const byAgent = runRule(rule({ check: 'interruptions_under', max: 1 }), timed);
    expect(byAgent).toMatchObject({ passed: false, evidence: [6], reason: 'The agent interrupted the caller 1 time (limit: under 1).' });
    expect(runRule(rule({ check: 'interruptions_under', max: 1, by: 'user' }), timed)).toMatchObject({ passed: false, evidence: [9] });
    expect(runRule(rule({ check: 'interruptions_under', max: 2, by: 'any' }), timed)).toMatchObject({ passed: false, evidence: [6, 9] });
    expect(runRule(rule({ check: 'interruptions_under', max: 3, by: 'any' }), timed)).toMatchObject({ passed: true, evidence: [] });
  });

  it('a short "mm-hmm" inside the other speaker\'s turn is a backchannel, not an interruption', () => {
    const call = callOf([turn(0, 'user', 'So I was saying that the bill was wrong twice', 0, 5000), turn(1, 'agent', 'Mm-hmm.', 2000, 2600), turn(2, 'agent', 'I see the problem.', 5500, 7000)]);
    expect(runRule(rule({ check: 'interruptions_under', max: 1 }), call)).toMatchObject({ passed: true });
  });

  it('refuses a limit that could never pass', () => {
    expect(ruleSchema.safeParse({ check: 'interruptions_under', max: 0 }).success).toBe(false);
  });
});

describe('agent_phrase', () => {
  it('must: passes citing the turns that say it; fails when the agent never does', () => {
    expect(runRule(rule({ check: 'agent_phrase', mode: 'must', pattern: 'may be record(ed|ing)' }), timed)).toMatchObject({ passed: true, evidence: [0] });
    expect(runRule(rule({ check: 'agent_phrase', mode: 'must', pattern: 'refund' }), timed)).toMatchObject({ passed: false, evidence: [] });
  });

  it('must_not: only the agent counts, case does not matter', () => {
    // "appointment" is said by the caller only
    expect(runRule(rule({ check: 'agent_phrase', mode: 'must_not', pattern: 'appointment' }), timed)).toMatchObject({ passed: true });
    expect(runRule(rule({ check: 'agent_phrase', mode: 'must_not', pattern: 'LET ME CHECK' }), timed)).toMatchObject({ passed: false, evidence: [10] });
  });
});

describe('end_reason_in', () => {
  it('passes for a listed reason (any case), fails citing the last turn, and is not applicable when there is none', () => {
    const allowed = rule({ check: 'end_reason_in', reasons: ['Customer-Ended-Call', 'assistant-ended-call'] });
    expect(runRule(allowed, timed)).toMatchObject({ passed: true });
    expect(runRule(allowed, { ...timed, end_reason: 'silence-timed-out' })).toMatchObject({ passed: false, evidence: [12] });
    expect(runRule(allowed, { ...timed, end_reason: null })).toMatchObject({ verdict: 'not_applicable', passed: null, evidence: [], reason: 'The call has no end reason.' });
  });
});

describe('agent_pii', () => {
  const call = callOf([
    turn(0, 'user', 'My card is 4111 1111 1111 1111.', 0, 3000),
    turn(1, 'agent', 'Thanks. Just to confirm, that is 4111 1111 1111 1111?', 3500, 7000),
    turn(2, 'agent', 'And we will call you back on four one five five five five one two one two.', 7500, 11000),
  ]);

  it('fails citing the agent turns that spoke the types asked for', () => {
    const verdict = runRule(rule({ check: 'agent_pii', types: ['credit_card', 'phone_number'] }), call);
    expect(verdict).toMatchObject({ passed: false, evidence: [1, 2] });
    expect(verdict.reason).toMatch(/credit_card, phone_number in 2 turn/);
  });

  it('passes when only the caller spoke it, or the agent spoke other types', () => {
    expect(runRule(rule({ check: 'agent_pii', types: ['ssn'] }), call)).toMatchObject({ passed: true });
    expect(runRule(rule({ check: 'agent_pii', types: ['credit_card'] }), callOf([turn(0, 'user', 'My card is 4111 1111 1111 1111.', 0, 3000)]))).toMatchObject({ passed: true });
  });
});

describe('duration_in_range', () => {
  it('checks either bound, both, and a missing duration', () => {
    expect(runRule(rule({ check: 'duration_in_range', max_s: 60 }), timed)).toMatchObject({ passed: true, reason: 'Duration 35 s is within 0–60 s.' });
    expect(runRule(rule({ check: 'duration_in_range', min_s: 60 }), timed)).toMatchObject({ passed: false });
    expect(runRule(rule({ check: 'duration_in_range', min_s: 10, max_s: 30 }), timed)).toMatchObject({ passed: false, reason: 'Duration 35 s is outside 10–30 s.' });
    expect(runRule(rule({ check: 'duration_in_range', max_s: 60 }), { ...timed, duration_s: null })).toMatchObject({ verdict: 'not_applicable', passed: null, evidence: [], reason: 'The call has no duration.' });
  });

  it('refuses a range with no bound or upside down', () => {
    expect(ruleSchema.safeParse({ check: 'duration_in_range' }).success).toBe(false);
    expect(ruleSchema.safeParse({ check: 'duration_in_range', min_s: 50, max_s: 10 }).success).toBe(false);
  });
});
