import { lazy, Suspense, useRef, useState } from 'react';
import { useMarkSeen, useWatchStatus } from './queries';

const ActivityPanel = lazy(() => import('./ActivityPanel').then((m) => ({ default: m.ActivityPanel })));

/** "Activity" in the top bar, with the count of flags not seen yet; opening the list marks them seen. */
export function ActivityButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const status = useWatchStatus();
  const markSeen = useMarkSeen();
  const unseen = status?.unseen ?? 0;
  const toggle = () => {
    if (!open && unseen > 0 && status) markSeen.mutate({ up_to_id: status.latest_flag_id });
    setOpen(!open);
  };
  return (
    <div className="popover-anchor">
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-label={unseen > 0 ? `Activity (${unseen} new)` : 'Activity'}
        title="Calls the watch rules flagged"
        onClick={toggle}
      >
        Activity
        {unseen > 0 && (
          <span className="badge activity-badge" aria-hidden="true">
            {unseen.toLocaleString('en-US')}
          </span>
        )}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ActivityPanel onClose={() => setOpen(false)} anchor={button} />
        </Suspense>
      )}
    </div>
  );
}
