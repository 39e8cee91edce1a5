import { queryClient } from '../query/client';
import { cachedCallList, listPageQuery } from '../calls/pages';
import { PAGE_SIZE, indexOfCall, useCallList } from '../calls/store';
import { MAX_TICKED, useTicks } from './ticks';

/** The ids of list rows `from` to `to` (inclusive) in the current order: pages not in the cache are read. */
async function idsBetween(from: number, to: number): Promise<number[]> {
  const { sort, filter } = useCallList.getState();
  const ids: number[] = [];
  for (let page = Math.floor(from / PAGE_SIZE); page <= Math.floor(to / PAGE_SIZE); page++) {
    const rows = (await queryClient.fetchQuery(listPageQuery(page, sort, filter))).rows;
    rows.forEach((row, i) => {
      const index = page * PAGE_SIZE + i;
      if (index >= from && index <= to) ids.push(row.id);
    });
  }
  return ids;
}

/**
 * A click on a row's tick box: ticks or unticks that call; with Shift, every row from the last box
 * clicked to this one takes the clicked box's new state (in the list's current order).
 */
export async function clickTick(id: number, index: number, shift: boolean): Promise<void> {
  const { ticked, anchorId, setTicked } = useTicks.getState();
  const on = !ticked.has(id);
  const anchor = shift && anchorId !== null && anchorId !== id ? indexOfCall(cachedCallList(queryClient).pages, anchorId) : -1;
  if (anchor < 0) {
    setTicked([id], on, id);
    return;
  }
  const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
  // the box clicked changes at once; the rows between follow when their pages are read
  setTicked([id], on, id);
  setTicked(await idsBetween(from, Math.min(to, from + MAX_TICKED - 1)), on, id);
}
