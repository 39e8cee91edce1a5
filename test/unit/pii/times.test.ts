import { describe, expect, it } from 'vitest';
import type { Turn } from '../../../src/core/model/call';
import { spanTime } from '../../../src/core/pii/times';

const turn = (text: string, start: number | null, end: number | null, words: Turn['words'] = null): Turn => ({
  idx: 0, role: 'user', text, start_ms: start, end_ms: end, words, tool: null, interrupted: null, agent_name: null,
});

describe('spanTime', () => {
  it('uses the word timings of the words a span touches', () => {
    const t = turn('my number is four one five', 1000, 4000, [
      { text: 'my', start_ms: 1000, end_ms: 1200 },
      { text: 'number', start_ms: 1200, end_ms: 1600 },
      { text: 'is', start_ms: 1600, end_ms: 1800 },
      { text: 'four', start_ms: 2000, end_ms: 2400 },
      { text: 'one', start_ms: 2500, end_ms: 2800 },
      { text: 'five', start_ms: 3000, end_ms: 3500 },
    ]);
    const start = t.text.indexOf('four');
    expect(spanTime(t, start, t.text.length)).toEqual({ start_ms: 2000, end_ms: 3500 });
  });

  it('interpolates by character within the turn without word timings', () => {
    const t = turn('0123456789', 1000, 2000);
    expect(spanTime(t, 5, 10)).toEqual({ start_ms: 1500, end_ms: 2000 });
  });

  it('is null for a turn without times', () => {
    expect(spanTime(turn('call me', null, null), 0, 4)).toBeNull();
  });
});
