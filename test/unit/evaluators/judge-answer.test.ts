import { describe, expect, it } from 'vitest';
import { outputSchema } from '../../../src/core/evaluators/definition';
import { JudgeOutputError, judgeMessages, parseJudgeAnswer, transcriptForJudge } from '../../../src/core/evaluators/judge-prompt';
import type { Turn } from '../../../src/core/model/call';

/** The judge's answer: what is accepted, what is refused, and what is dropped. */

const passFail = outputSchema.parse({ type: 'pass_fail' });
const score = outputSchema.parse({ type: 'score' });
const labels = outputSchema.parse({ type: 'labels', labels: ['handled', 'mishandled', 'not_voicemail'], pass_labels: ['handled', 'not_voicemail'] });
const turns = new Set([0, 1, 2, 3, 4]);

const parse = (content: string | null, output = passFail) => parseJudgeAnswer(content, output, turns);
const refusal = (content: string | null, output = passFail) => {
  try {
    parse(content, output);
  } catch (error) {
    expect(error).toBeInstanceOf(JudgeOutputError);
    return (error as Error).message;
  }
  throw new Error('expected the answer to be refused');
};

describe('parseJudgeAnswer', () => {
  it('reads a plain answer', () => {
    expect(parse('{"verdict": "pass", "reason": "Confirmed.", "evidence_turns": [2]}')).toEqual({ verdict: 'pass', score: null, passed: true, reason: 'Confirmed.', evidence: [2] });
  });

  it('strips a ```json fence and prose around the object', () => {
    expect(parse('```json\n{"verdict": "fail", "reason": "r", "evidence_turns": [4]}\n```')).toMatchObject({ verdict: 'fail', passed: false, evidence: [4] });
    expect(parse('Here is my answer: {"verdict": "PASS", "reason": "r", "evidence_turns": []} Hope it helps.')).toMatchObject({ verdict: 'pass', passed: true });
  });

  it('drops bogus evidence indexes: out of range, negative, fractional, not numbers; keeps numeric strings; sorts and de-duplicates', () => {
    const answer = parse('{"verdict": "pass", "reason": "r", "evidence_turns": [4, 99, -1, 2.5, "x", null, "3", 4, 0]}');
    expect(answer.evidence).toEqual([0, 3, 4]);
  });

  it('refuses a label outside the allowed set, naming it', () => {
    expect(refusal('{"verdict": "maybe", "reason": "r", "evidence_turns": []}')).toBe('The model\'s verdict "maybe" is not one of pass, fail.');
    expect(refusal('{"verdict": "voicemail", "reason": "r"}', labels)).toMatch(/"voicemail" is not one of handled, mishandled, not_voicemail/);
    expect(parse('{"verdict": "Mishandled", "reason": "r"}', labels)).toMatchObject({ verdict: 'mishandled', passed: false });
  });

  it('refuses a score output without a usable score', () => {
    expect(refusal('{"reason": "fine", "evidence_turns": [1]}', score)).toBe('The model gave no valid score (1-5): null.');
    expect(refusal('{"score": 3.5, "reason": "r"}', score)).toMatch(/no valid score/);
    expect(refusal('{"score": 7, "reason": "r"}', score)).toMatch(/no valid score/);
    expect(parse('{"score": "4", "reason": "r"}', score)).toMatchObject({ score: 4, passed: true, verdict: null });
    expect(parse('{"score": 3, "reason": "r"}', score)).toMatchObject({ score: 3, passed: false });
  });

  it('ignores fields the output type does not use, and tolerates a missing reason', () => {
    expect(parse('{"verdict": "pass", "score": null, "reason": null, "evidence_turns": null}')).toEqual({ verdict: 'pass', score: null, passed: true, reason: '', evidence: [] });
  });

  it('refuses empty answers, non-JSON and non-objects', () => {
    expect(refusal(null)).toBe('The model returned an empty answer.');
    expect(refusal('   ')).toBe('The model returned an empty answer.');
    expect(refusal('The agent did well.')).toMatch(/^The model's answer is not JSON: The agent did well/);
    expect(refusal('["pass"]')).toBe('The model\'s answer is not a JSON object.');
  });
});

describe('the prompt', () => {
  const call: Turn[] = [
    { idx: 0, role: 'agent', text: 'Hello!\nHow can I help?', start_ms: 0, end_ms: 1000, words: null, tool: null, interrupted: null, agent_name: null },
    { idx: 1, role: 'tool', text: '', start_ms: 61_000, end_ms: null, words: null, tool: { name: 'book', arguments: { day: 'thu' }, result: { ok: true } }, interrupted: null, agent_name: null },
    { idx: 2, role: 'user', text: 'Thanks', start_ms: null, end_ms: null, words: null, tool: null, interrupted: null, agent_name: null },
  ];

  it('numbers each turn on one line with its time, role and tool call', () => {
    expect(transcriptForJudge(call)).toBe('[0] 00:00 AGENT: Hello! How can I help?\n[1] 01:01 TOOL: book({"day":"thu"}) -> {"ok":true}\n[2] --:-- CALLER: Thanks');
  });

  it('asks for the output type it will accept', () => {
    expect(judgeMessages('r', score, call)[0]?.content).toContain('"score": an integer from 1 (worst) to 5 (best)');
    expect(judgeMessages('r', labels, call)[0]?.content).toContain('"verdict": exactly one of "handled", "mishandled", "not_voicemail"');
  });
});
