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

describe('detectCallPii: a date given in answer to "what is your date of birth?"', () => {
  const dobs = (turns: Turn[]) => detectCallPii(turns).findings.map((f) => [f.turn, f.type, f.text]);

  it('is a date of birth even after a long preamble in the answer', () => {
    const turns = [
      turn(0, 'agent', 'Thank you. And what is your date of birth?'),
      turn(1, 'user', 'Sure, um, hold on, let me just grab my license here, okay, yeah, it is March fourth, nineteen eighty seven.'),
    ];
    expect(dobs(turns)).toEqual([[1, 'dob', 'March fourth, nineteen eighty seven']]);
  });

  it('is a date of birth when the reply is split across two turns of the caller', () => {
    const turns = [turn(0, 'agent', 'Thank you. And what is your date of birth?'), turn(1, 'user', 'Uh, one second.'), turn(2, 'user', 'March fourth, 1987.')];
    expect(dobs(turns)).toEqual([[2, 'dob', 'March fourth, 1987']]);
  });

  it('is a date of birth when the agent said something else after asking', () => {
    const turns = [turn(0, 'agent', 'Thank you. And what is your date of birth?'), turn(1, 'agent', 'Take your time.'), turn(2, 'user', 'March fourth, 1987.')];
    expect(dobs(turns)).toEqual([[2, 'dob', 'March fourth, 1987']]);
  });

  it('deep in a long call, the same', () => {
    const filler: Turn[] = [];
    for (let i = 0; i < 400; i++) filler.push(turn(i, i % 2 === 0 ? 'agent' : 'user', i % 2 === 0 ? 'Okay, let me check that for you.' : 'I want to talk about my order from last week.'));
    const turns = [...filler, turn(400, 'agent', 'Sorry to interrupt, could you repeat your date of birth for me?'), turn(401, 'user', 'Yes, it is the fourth of March, 1987.')];
    expect(dobs(turns).filter(([idx]) => Number(idx) >= 400)).toEqual([[401, 'dob', 'the fourth of March, 1987']]);
  });

  it('stays a plain date when the question was about something else', () => {
    const turns = [turn(0, 'agent', 'What day works best for your appointment?'), turn(1, 'user', 'March fourth, if you have it.')];
    expect(dobs(turns)).toEqual([[1, 'date', 'March fourth']]);
  });
});
