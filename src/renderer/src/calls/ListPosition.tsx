import { useCallListData } from './pages';
import { indexOfCall, useCallList } from './store';

/**
 * Where the open call sits in the list ("12 of 2,038"), for the collapsed list's strip: with the
 * list out of sight, j / k still walk it, and this says how far along they are.
 */
export function ListPosition() {
  const { pages, total, totalExact } = useCallListData();
  const selectedId = useCallList((s) => s.selectedId);
  if (total === null) return null;
  const index = indexOfCall(pages, selectedId);
  const count = `${total.toLocaleString('en-US')}${totalExact ? '' : '+'}`;
  return <span className="list-strip-position">{index >= 0 ? `${(index + 1).toLocaleString('en-US')} of ${count}` : `${count} calls`}</span>;
}
