import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrangeColumns, dropColumn, moveColumn } from '../../../src/renderer/src/layout/column-order';

const defaults = ['started', 'call', 'duration', 'p90', 'verdict', 'end_reason', 'evaluation:a', 'evaluation:b', 'p50', 'turns'];

describe('the call list column order', () => {
  it('is the default order while nothing was arranged', () => {
    expect(arrangeColumns(defaults, [])).toEqual(defaults);
  });

  it('keeps the saved order, drops gone columns, and puts a new one after the column it follows by default', () => {
    // saved before evaluator b existed, with end_reason moved up and a deleted evaluator c
    const saved = ['started', 'call', 'end_reason', 'duration', 'p90', 'verdict', 'evaluation:a', 'evaluation:c', 'p50', 'turns'];
    expect(arrangeColumns(defaults, saved)).toEqual(['started', 'call', 'end_reason', 'duration', 'p90', 'verdict', 'evaluation:a', 'evaluation:b', 'p50', 'turns']);
  });

  it('puts a new first column first', () => {
    expect(arrangeColumns(['select', ...defaults], defaults)[0]).toBe('select');
  });

  it('always holds every available column once, whatever was saved', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...defaults, 'gone', 'other')), (saved) => {
        const arranged = arrangeColumns(defaults, saved);
        expect([...arranged].sort()).toEqual([...defaults].sort());
      }),
    );
  });

  it('moves a column by places, clamped at the ends, and drops it where another is', () => {
    expect(moveColumn(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveColumn(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveColumn(['a', 'b', 'c'], 'a', 5)).toEqual(['b', 'c', 'a']);
    expect(dropColumn(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropColumn(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
  });
});
