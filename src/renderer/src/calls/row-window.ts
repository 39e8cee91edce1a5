/**
 * Which rows of a long list are on screen, for fixed-height rows. A browser cannot make an element
 * taller than about 33 million pixels (Chromium), so a million 34-px rows do not fit: past
 * MAX_SCROLL_PX the scroll range is compressed and a scroll position maps to a row by proportion.
 * Dragging the scrollbar to the middle then shows the middle rows; a wheel step moves a little
 * further than one's usual pixels. Only the rows in view (and an overscan) are ever built.
 */
export const MAX_SCROLL_PX = 15_000_000;

export interface RowWindowInput {
  /** scroll position of the list's body, in physical pixels */
  scrollTop: number;
  /** height of the area that shows rows */
  viewportHeight: number;
  total: number;
  rowHeight: number;
  overscan: number;
  maxScrollPx?: number;
}

export interface RowWindow {
  /** the first and last row to render, inclusive; last < first when there is nothing */
  first: number;
  last: number;
  /** height of the spacer above the first rendered row (physical pixels) */
  paddingTop: number;
  /** height of the spacer below the last rendered row */
  paddingBottom: number;
  /** the height of all rows as the scrollbar sees it */
  scrollHeight: number;
}

/** Physical height of the rows, and virtual pixels per physical pixel of scroll. */
export function scrollGeometry(total: number, rowHeight: number, viewportHeight: number, maxScrollPx = MAX_SCROLL_PX): { scrollHeight: number; scale: number } {
  const virtualHeight = total * rowHeight;
  if (virtualHeight <= maxScrollPx) return { scrollHeight: virtualHeight, scale: 1 };
  const physicalRange = Math.max(1, maxScrollPx - viewportHeight);
  return { scrollHeight: maxScrollPx, scale: Math.max(1, virtualHeight - viewportHeight) / physicalRange };
}

export function rowWindow({ scrollTop, viewportHeight, total, rowHeight, overscan, maxScrollPx = MAX_SCROLL_PX }: RowWindowInput): RowWindow {
  const { scrollHeight, scale } = scrollGeometry(total, rowHeight, viewportHeight, maxScrollPx);
  if (total <= 0) return { first: 0, last: -1, paddingTop: 0, paddingBottom: 0, scrollHeight: 0 };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, scrollHeight - viewportHeight));
  const virtualTop = top * scale;
  const firstVisible = Math.min(total - 1, Math.floor(virtualTop / rowHeight));
  const lastVisible = Math.min(total - 1, Math.floor((virtualTop + viewportHeight - 1) / rowHeight));
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(total - 1, lastVisible + overscan);
  // The rendered block sits where row `first` would be relative to the physical scroll position.
  const paddingTop = Math.max(0, Math.round(top - (virtualTop - first * rowHeight)));
  const paddingBottom = Math.max(0, scrollHeight - paddingTop - (last - first + 1) * rowHeight);
  return { first, last, paddingTop, paddingBottom, scrollHeight };
}

/** The scroll position that shows row `index` ('auto': only if it is not already in view). */
export function scrollTopFor(index: number, current: { scrollTop: number; viewportHeight: number; total: number; rowHeight: number; maxScrollPx?: number }): number {
  const { scale } = scrollGeometry(current.total, current.rowHeight, current.viewportHeight, current.maxScrollPx);
  const virtualTop = current.scrollTop * scale;
  const rowTop = index * current.rowHeight;
  if (rowTop >= virtualTop && rowTop + current.rowHeight <= virtualTop + current.viewportHeight) return current.scrollTop;
  const wanted = rowTop < virtualTop ? rowTop : rowTop + current.rowHeight - current.viewportHeight;
  return Math.max(0, wanted / scale);
}
