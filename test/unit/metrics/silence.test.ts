import { describe, expect, it } from 'vitest';
import { silence } from '../../../src/core/metrics/silence';
import { seg } from './build';

describe('silence', () => {
  it('a gap just under the 3000 ms threshold is the longest but not listed', () => {
    expect(silence([seg('agent', 0, 1000), seg('user', 3999, 5000)])).toEqual({ longest_ms: 2999, segments: [] });
  });

  it('gaps of exactly and just over the threshold are listed', () => {
    expect(silence([seg('agent', 0, 1000), seg('user', 4000, 5000), seg('agent', 8001, 9000)])).toEqual({
      longest_ms: 3001,
      segments: [{ start_ms: 1000, end_ms: 4000 }, { start_ms: 5000, end_ms: 8001 }],
    });
  });

  it('the threshold is configurable', () => {
    const segments = [seg('agent', 0, 1000), seg('user', 2500, 3000), seg('agent', 3800, 4000)];
    expect(silence(segments, 1000)).toEqual({ longest_ms: 1500, segments: [{ start_ms: 1000, end_ms: 2500 }] });
    expect(silence(segments, 800)).toEqual({ longest_ms: 1500, segments: [{ start_ms: 1000, end_ms: 2500 }, { start_ms: 3000, end_ms: 3800 }] });
  });

  it('gaps are between the union of both sides; none before the first or after the last segment', () => {
    const segments = [seg('agent', 5000, 8000), seg('user', 7000, 9000), seg('agent', 8500, 9500), seg('user', 14000, 15000)];
    expect(silence(segments)).toEqual({ longest_ms: 4500, segments: [{ start_ms: 9500, end_ms: 14000 }] });
  });

  it('touching or overlapping speech has no gap; no speech has none either', () => {
    expect(silence([seg('agent', 0, 1000), seg('user', 1000, 2000)])).toEqual({ longest_ms: 0, segments: [] });
    expect(silence([seg('agent', 0, 1000)])).toEqual({ longest_ms: 0, segments: [] });
    expect(silence([])).toEqual({ longest_ms: null, segments: [] }); // no speech: unknown, not zero
  });
});
