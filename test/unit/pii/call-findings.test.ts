import { describe, expect, it } from 'vitest';
import type { Turn } from '../../../src/core/model/call';
import { detectCallPii } from '../../../src/core/pii/call-findings';

const turn = (idx: number, role: Turn['role'], text: string, start_ms: number | null = null, end_ms: number | null = null): Turn => ({
  idx,
  role,
  text,
  start_ms,
  end_ms,
  words: null,
  tool: null,
  interrupted: null,
  agent_name: null,
});

describe('detectCallPii: a turn read in its conversation', () => {
  it('the question before an answer is its context: a bare nine-digit reply to "your social" is an SSN', () => {
    const pii = detectCallPii([turn(0, 'agent', 'Can I have your social security number?'), turn(1, 'user', "It's 336 49 2448.", 1000, 3000)]);
    expect(pii.findings).toEqual([expect.objectContaining({ type: 'ssn', turn: 1, text: '336 49 2448', start: 5, end: 16 })]);
    expect(pii.redacted_turns[1]).toEqual({ idx: 1, text: "It's <SSN>." });
  });

  it('without the question the same digits are nothing, and context never reports what the context itself says', () => {
    expect(detectCallPii([turn(0, 'user', "It's 336 49 2448.")]).findings).toEqual([]);
    const pii = detectCallPii([turn(0, 'user', 'my card is 4111 1111 1111 1111'), turn(1, 'agent', 'Thank you.')]);
    expect(pii.findings.map((f) => [f.turn, f.type])).toEqual([[0, 'credit_card']]);
  });

  it("a speaker's own previous turn is no question to them", () => {
    const pii = detectCallPii([turn(0, 'user', 'I need my social security number changed'), turn(1, 'user', 'the form says 336 49 2448')]);
    expect(pii.findings).toEqual([]);
  });
});
