import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FlagEntry } from '../../../core/api/watch-contract';
import { api } from '../api';
import { useApiMutation } from '../query/api-query';
import { formatInstant, instantTitle } from '../shared/format';
import { notificationState, type NotificationState } from './notify';
import { openCall } from './open-call';

const PAGE = 20;

/** "Allow notifications" while the browser has not been asked; what stands otherwise. */
function NotificationSetting() {
  const [state, setState] = useState<NotificationState>(notificationState);
  if (state === 'unsupported') return <p className="muted small">This browser shows no desktop notifications.</p>;
  if (state === 'granted') return <p className="muted small">Desktop notifications are on.</p>;
  if (state === 'denied') return <p className="muted small">Notifications are blocked for this page: allow them in the browser’s site settings.</p>;
  return (
    <button type="button" className="button small" onClick={() => void Notification.requestPermission().then(setState)}>
      Allow notifications
    </button>
  );
}

function Entry({ flag, onOpen }: { flag: FlagEntry; onOpen(): void }) {
  const client = useQueryClient();
  const clear = useApiMutation('clearFlags', { onSuccess: () => client.invalidateQueries({ queryKey: ['listActivity'] }) });
  return (
    <li className={`activity-entry${flag.seen ? '' : ' unseen'}${flag.cleared ? ' cleared' : ''}`} data-flag={flag.id}>
      <time dateTime={flag.created_at} title={instantTitle(flag.created_at)} className="muted small">
        {formatInstant(flag.created_at, 'minute')}
        {!flag.seen && !flag.cleared && <span className="badge activity-new">new</span>}
      </time>
      <button type="button" className="link activity-call" onClick={onOpen} title={`Open call ${flag.call_external_id}`}>
        {flag.call_external_id}
      </button>
      <span className="activity-rule">{flag.evaluator_name}</span>
      <span className="activity-reason small">{flag.reason}</span>
      {flag.cleared ? (
        <span className="muted small">cleared</span>
      ) : (
        <button type="button" className="button small" aria-label={`Clear flag on ${flag.call_external_id}`} disabled={clear.isPending} onClick={() => clear.mutate({ ids: [flag.id] })}>
          Clear
        </button>
      )}
    </li>
  );
}

/**
 * The activity list: the flags watch rules raised, newest first, a page at a time; a click on a
 * call opens it. Its region closes on Escape or a click elsewhere.
 */
export function ActivityPanel({ onClose, onShown, anchor }: { onClose(): void; onShown(): void; anchor: React.RefObject<HTMLElement | null> }) {
  const panel = useRef<HTMLElement>(null);
  const pages = useInfiniteQuery({
    queryKey: ['listActivity', { limit: PAGE }],
    queryFn: ({ pageParam }) => api.listActivity(pageParam === null ? { limit: PAGE } : { limit: PAGE, before_id: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.next_before_id,
  });

  // each opening reads the list afresh (which entries are new is as of this opening); its pages go when it closes
  const client = useQueryClient();
  useEffect(() => () => client.removeQueries({ queryKey: ['listActivity'] }), [client]);

  // once the first page is on screen, what it shows counts as seen (said once per opening)
  const loaded = pages.data !== undefined;
  const told = useRef(false);
  useEffect(() => {
    if (!loaded || told.current) return;
    told.current = true;
    onShown();
  }, [loaded, onShown]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const target = event.target;
      if (target instanceof Node && !panel.current?.contains(target) && !anchor.current?.contains(target)) onClose();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose();
      anchor.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [onClose, anchor]);

  const entries = pages.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <section ref={panel} className="popover activity-panel" role="region" aria-label="Activity">
      <header className="activity-head">
        <h2>Activity</h2>
        <NotificationSetting />
      </header>
      {pages.error && <p className="error small">Could not read the activity: {pages.error.message}</p>}
      {pages.data && entries.length === 0 && <p className="muted small">No call flagged yet. Mark a rule “Watch arriving calls” on the Evaluators page.</p>}
      <ol className="activity-list" aria-label="Flag events">
        {entries.map((flag) => (
          <Entry
            key={flag.id}
            flag={flag}
            onOpen={() => {
              openCall(flag.call_id);
              onClose();
            }}
          />
        ))}
      </ol>
      {pages.hasNextPage && (
        <button type="button" className="button small" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          Older
        </button>
      )}
    </section>
  );
}
