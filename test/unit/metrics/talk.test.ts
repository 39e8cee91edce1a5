import { describe, expect, it } from 'vitest';
import { countWords, speechTime, talkRatio, wordsPerMinute } from '../../../src/core/metrics/talk';
import { seg } from './build';

describe('speechTime and talkRatio', () => {
  it('agent / (agent + user), each side the union of its segments', () => {
    // the agent's two overlapping segments count 0-3000 once
    const time = speechTime([seg('agent', 0, 2000), seg('agent', 1000, 3000), seg('user', 3000, 4000), seg('user', 3500, 4000)]);
    expect(time).toEqual({ agent: 3000, user: 1000 });
    expect(talkRatio(time)).toBe(0.75);
  });

  it('speech of both sides at once counts for both', () => {
    const time = speechTime([seg('agent', 0, 4000), seg('user', 3000, 5000)]);
    expect(time).toEqual({ agent: 4000, user: 2000 });
    expect(talkRatio(time)).toBeCloseTo(2 / 3, 12);
  });

  it('only one side speaking: 1 or 0; nobody: null', () => {
    expect(talkRatio(speechTime([seg('agent', 0, 1000)]))).toBe(1);
    expect(talkRatio(speechTime([seg('user', 0, 1000)]))).toBe(0);
    expect(talkRatio(speechTime([]))).toBeNull();
    expect(talkRatio(speechTime([seg('agent', 500, 500)]))).toBeNull();
  });
});

describe('wordsPerMinute', () => {
  it('words / speech minutes', () => {
    expect(wordsPerMinute(30, 12_000)).toBe(150);
    expect(wordsPerMinute(0, 12_000)).toBe(0);
  });

  it('null when the words or the speech time are missing', () => {
    expect(wordsPerMinute(null, 12_000)).toBeNull();
    expect(wordsPerMinute(30, 0)).toBeNull();
  });
});

describe('countWords', () => {
  it('whitespace-separated pieces holding a letter or digit', () => {
    expect(countWords('Hi, how can I help?')).toBe(5);
    expect(countWords('uh-huh')).toBe(1);
    expect(countWords("It's 3:30 - right?")).toBe(3);
    expect(countWords('  \n ... ')).toBe(0);
    expect(countWords('')).toBe(0);
    expect(countWords('¿Dónde está   el banco?')).toBe(4);
  });
});
