import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SCROLL_PX, rowWindow, scrollGeometry, scrollTopFor } from '../../src/renderer/src/calls/row-window';

const rowHeight = 34;
const viewportHeight = 832;

describe('the call list row window', () => {
  it('renders only the rows in view and the overscan, however long the list', () => {
    for (const total of [50, 2_000, 1_000_000, 10_000_000]) {
      const view = rowWindow({ scrollTop: 0, viewportHeight, total, rowHeight, overscan: 12 });
      expect(view.first).toBe(0);
      expect(view.last - view.first + 1).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 12);
      expect(view.scrollHeight).toBeLessThanOrEqual(MAX_SCROLL_PX);
    }
  });

  it('keeps a short list at its natural height: one pixel of scroll is one pixel of rows', () => {
    const geometry = scrollGeometry(2_000, rowHeight, viewportHeight);
    expect(geometry).toEqual({ scrollHeight: 2_000 * rowHeight, scale: 1 });
    const view = rowWindow({ scrollTop: 340, viewportHeight, total: 2_000, rowHeight, overscan: 0 });
    expect(view.first).toBe(10);
    expect(view.paddingTop).toBe(340);
  });

  it('reaches the middle and the very last row of a million calls by the scrollbar', () => {
    const total = 1_000_000;
    const { scrollHeight } = scrollGeometry(total, rowHeight, viewportHeight);
    const middle = rowWindow({ scrollTop: (scrollHeight - viewportHeight) / 2, viewportHeight, total, rowHeight, overscan: 0 });
    expect(Math.abs(middle.first - total / 2)).toBeLessThan(50);
    const end = rowWindow({ scrollTop: scrollHeight - viewportHeight, viewportHeight, total, rowHeight, overscan: 0 });
    expect(end.last).toBe(total - 1);
    // the rendered block ends exactly at the bottom of the scroll range
    expect(end.paddingTop + (end.last - end.first + 1) * rowHeight + end.paddingBottom).toBe(scrollHeight);
  });

  it('puts any row in view when asked (j/k), at any list length and position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (total, from, to) => {
        const { scrollHeight } = scrollGeometry(total, rowHeight, viewportHeight);
        const scrollTop = from * Math.max(0, scrollHeight - viewportHeight);
        const index = Math.min(total - 1, Math.floor(to * total));
        const next = scrollTopFor(index, { scrollTop, viewportHeight, total, rowHeight });
        const view = rowWindow({ scrollTop: next, viewportHeight, total, rowHeight, overscan: 0 });
        return index >= view.first && index <= view.last;
      }),
    );
  });
});
