import { useQuery } from '@tanstack/react-query';
import { useApiQuery } from '../query/api-query';
import { useCallList } from './store';
import { listPageQuery } from './pages';

/**
 * The open call may no longer be in the list (a filter or search changed, or its verdict moved it
 * out): say so above it, with the two ways back, rather than showing a call the list does not hold.
 * Whether it matches is read again whenever the list changes (query/events.ts).
 */
export function OutOfFilterNotice({ callId }: { callId: number }) {
  const filter = useCallList((s) => s.filter);
  const sort = useCallList((s) => s.sort);
  const filtering = Object.values(filter).some((value) => value !== undefined);
  const { data } = useApiQuery('callMatchesFilter', { id: callId, filter }, { enabled: filtering });
  const outside = filtering && data?.matches === false;
  const first = useQuery({ ...listPageQuery(0, sort, filter), enabled: outside }).data?.rows[0];

  if (!outside) return null;
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
