import { useCallList } from './store';
import { usePage } from '../pages/store';

/** Says which filter came from where ("From Overview: replies 800–850 ms, last 7 days"), with the way back and a way to clear it (back to the filter the Overview showed). */
export function FilterOrigin() {
  const origin = useCallList((s) => s.origin);
  if (!origin) return null;
  return (
    <p className="filter-origin" role="status" aria-label="Filter origin">
      <span>{origin.text}</span>
      <button
        type="button"
        className="link"
        title="The Overview as it was, on the filter it showed"
        onClick={() => {
          useCallList.getState().setFilter(origin.before);
          usePage.getState().open('overview');
        }}
      >
        Back to Overview
      </button>
      <button type="button" className="link" title="Back to the filter the Overview was showing" onClick={() => useCallList.getState().setFilter(origin.before)}>
        Clear this filter
      </button>
    </p>
  );
}
