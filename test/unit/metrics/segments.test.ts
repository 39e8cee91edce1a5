import { describe, expect, it } from 'vitest';
import { segmentsFromTurns, union, unionLength } from '../../../src/core/metrics/segments';
import { seg, turn, turns } from './build';

describe('segmentsFromTurns', () => {
  it('one segment per spoken turn with both times, in transcript order, with its text', () => {
    const call = turns(
      turn('agent', 0, 1000, 'Hello.'),
      turn('user', 1500, 2000, 'Hi.'),
      turn('tool', 2100, 2200, 'lookup'),
      turn('agent', 2600, null, 'no end'),
      turn('user', null, 3500, 'no start'),
      turn('user', null, null, 'no times'),
      turn('agent', 4000, 3900, 'ends before it starts'),
      turn('agent', 5000, 5000, 'zero length'),
    );
    expect(segmentsFromTurns(call)).toEqual([
      seg('agent', 0, 1000, 'Hello.'),
      seg('user', 1500, 2000, 'Hi.'),
      seg('agent', 5000, 5000, 'zero length'),
    ]);
  });

  it('no turns, no segments', () => {
    expect(segmentsFromTurns([])).toEqual([]);
  });
});

describe('union', () => {
  it('merges overlapping and touching intervals, keeps gaps', () => {
    const intervals = [seg('agent', 5000, 6000), seg('user', 0, 2000), seg('agent', 1000, 3000), seg('user', 3000, 3500)];
    expect(union(intervals)).toEqual([{ start_ms: 0, end_ms: 3500 }, { start_ms: 5000, end_ms: 6000 }]);
    expect(unionLength(intervals)).toBe(4500);
  });

  it('an interval inside another adds nothing', () => {
    expect(unionLength([seg('agent', 0, 5000), seg('agent', 1000, 2000)])).toBe(5000);
  });
});
