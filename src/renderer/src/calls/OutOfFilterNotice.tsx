import { useEffect, useState } from 'react';
import { api } from '../api';
import { rowAt, useCallList } from './store';

/**
 * The open call may no longer be in the list (a filter or search changed, or its verdict moved it
 * out): say so above it, with the two ways back, rather than showing a call the list does not hold.
 */
export function OutOfFilterNotice({ callId }: { callId: number }) {
  const filter = useCallList((s) => s.filter);
  const total = useCallList((s) => s.total);
  const pages = useCallList((s) => s.pages);
  const [outside, setOutside] = useState(false);
  const filtering = Object.values(filter).some((value) => value !== undefined);

  useEffect(() => {
    if (!filtering) {
      setOutside(false);
      return;
    }
    let current = true;
    api.callMatchesFilter({ id: callId, filter }).then(
      ({ matches }) => current && setOutside(!matches),
      () => current && setOutside(false),
    );
    return () => {
      current = false;
    };
    // total and pages: re-check when the list is re-read (a verdict or a new call may change membership)
  }, [callId, filter, filtering, total, pages]);

  if (!outside) return null;
  const first = rowAt(pages, 0);
  return (
    <p role="alert" className="notice out-of-filter">
      This call is not in the current filter.
      <button type="button" className="button small" onClick={() => useCallList.getState().setFilter({})}>
        Clear filters
      </button>
      <button type="button" className="button small" disabled={!first} onClick={() => first && useCallList.getState().select(first.id)}>
        Open the first match
      </button>
    </p>
  );
}
