import { lazy, Suspense, useRef, useState } from 'react';
import { useMarkSeen, useWatchStatus } from './queries';

const ActivityPanel = lazy(() => import('./ActivityPanel').then((m) => ({ default: m.ActivityPanel })));

/**
 * "Activity" in the top bar, with the count of flags not seen yet; the list, once shown, marks them
 * seen (after its first read, so the entries that were new still look new).
 */
export function ActivityButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const status = useWatchStatus();
  const markSeen = useMarkSeen();
  const unseen = status?.unseen ?? 0;
  const [upTo, setUpTo] = useState(0);
  const toggle = () => {
    // up to the newest flag the counts knew of when it opened, never one that came after
    setUpTo(status?.latest_flag_id ?? 0);
    setOpen(!open);
  };
  const shown = () => {
    if (unseen > 0 && upTo > 0) markSeen.mutate({ up_to_id: upTo });
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
          <ActivityPanel onClose={() => setOpen(false)} onShown={shown} anchor={button} />
        </Suspense>
      )}
    </div>
  );
}
