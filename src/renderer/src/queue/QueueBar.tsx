import { useEffect } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import type { QueueCalls } from '../../../core/api/triage-contract';
import { useCallList } from '../calls/store';
import { usePage } from '../pages/store';
import { useApiQuery } from '../query/api-query';
import { LeftCallUndo } from './LeftCallUndo';
import { openNextUnreviewed } from './navigation';
import { progressText, withMarks } from './queue-order';
import { StartQueueDialog } from './StartQueueDialog';
import { useQueue } from './store';
import { useAdvanceOnVerdict } from './useAdvanceOnVerdict';
import { useQueueKeys } from './useQueueKeys';
import { usePrefetchNext } from './usePrefetchNext';

/**
 * The open review queue, above the list and the call: its name, progress ("14 of 50 reviewed"),
 * where the open call sits in it, "Next unreviewed", whether a verdict moves on, the last verdict's
 * Undo, and the way out. Also hosts the queue's keys, its dialog and its verdict listener, which
 * must work whether or not a queue is open.
 */
const NO_CALLS: QueueCalls = [];

export function QueueBar() {
  useQueueKeys();
  useAdvanceOnVerdict();
  const active = useQueue((s) => s.active);
  const dialogOpen = useQueue((s) => s.dialogOpen);
  const onCalls = usePage((s) => s.page === 'calls');
  // a queue left open last time (store.ts lists its calls): open its next unreviewed call, as resuming it does
  useEffect(() => {
    if (useQueue.getState().active && useCallList.getState().selectedId === null) void openNextUnreviewed(null, true);
  }, []);
  return (
    <>
      {dialogOpen && <StartQueueDialog onClose={() => useQueue.getState().openDialog(false)} />}
      {active && onCalls && <OpenQueue id={active.id} name={active.name} />}
    </>
  );
}

function OpenQueue({ id, name }: { id: number; name: string }) {
  const sort = useCallList((s) => s.sort);
  const listed = useCallList((s) => s.filter.queue_id === id);
  const selectedId = useCallList((s) => s.selectedId);
  const marked = useQueue((s) => s.marked);
  const advance = useQueue((s) => s.advance);
  const read = useApiQuery('getQueue', { id, sort }, { placeholderData: keepPreviousData });
  const queue = read.data;

  // verdicts given here count until the read shows them
  useEffect(() => {
    if (queue) useQueue.getState().settle(new Map(queue.calls.map((call) => [call.call_id, call.reviewed])));
  }, [queue]);

  const calls = queue ? withMarks(queue.calls, marked) : NO_CALLS;
  usePrefetchNext(calls, selectedId);

  if (read.error) {
    return (
      <div className="queue-bar" role="region" aria-label="Review queue">
        <strong className="queue-name">{name}</strong>
        <span role="alert" className="error">
          This queue cannot be read: {read.error.message}
        </span>
        <button type="button" className="button small" onClick={() => useQueue.getState().leave()}>
          Leave queue
        </button>
      </div>
    );
  }

  const total = calls.length;
  const reviewed = calls.filter((call) => call.reviewed).length;
  const done = queue !== undefined && total > 0 && reviewed === total;
  const position = selectedId === null ? -1 : calls.findIndex((call) => call.call_id === selectedId);
  const percent = total > 0 ? Math.round((reviewed / total) * 100) : 0;

  return (
    <div className={`queue-bar ${done ? 'done' : ''}`} role="region" aria-label="Review queue" aria-busy={queue === undefined}>
      <span className="queue-title">
        <span className="muted">Queue</span>{' '}
        <strong className="queue-name" title={queue ? `${queue.name}: ${queue.source}` : name}>
          {queue?.name ?? name}
        </strong>
      </span>
      <div className="queue-progress" role="progressbar" aria-label="Queue progress" aria-valuemin={0} aria-valuemax={total} aria-valuenow={reviewed} aria-valuetext={progressText(reviewed, total)}>
        <div className="queue-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="queue-status" aria-live="polite">
        {queue ? progressText(reviewed, total) : 'Reading the queue…'}
      </span>
      {queue && !done && <span className="muted queue-position">{position >= 0 ? `Call ${position + 1} of ${total}` : 'No call of the queue open'}</span>}
      {done ? (
        <span className="muted">Leave the queue to go back to your view.</span>
      ) : (
        <span className="queue-next">
          <button type="button" className="button small" title="Next unreviewed call (Shift+J)" disabled={!queue} onClick={() => void openNextUnreviewed()}>
            Next unreviewed
          </button>
          {/* reads on from the button: "Next unreviewed [x] after a verdict" */}
          <label className="queue-advance" title="After a verdict (s / f), go to the next unreviewed call of the queue">
            <input type="checkbox" aria-label="After a verdict, go to the next unreviewed call" checked={advance} onChange={(e) => useQueue.getState().setAdvance(e.target.checked)} /> after a verdict
          </label>
        </span>
      )}
      <span className="queue-end">
        <LeftCallUndo />
        {!listed && (
          <button type="button" className="button small" title="The list shows other calls: show this queue's" onClick={() => useCallList.getState().setFilter({ queue_id: id })}>
            List the queue's calls
          </button>
        )}
        <button type="button" className={`button small ${done ? 'primary' : ''}`} onClick={() => useQueue.getState().leave()}>
          Leave queue
        </button>
      </span>
    </div>
  );
}
