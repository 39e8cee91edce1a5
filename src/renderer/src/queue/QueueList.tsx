import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueueCopy, QueueProgress } from '../../../core/api/triage-contract';
import { apiQuery, useApiMutation, useApiQuery } from '../query/api-query';
import { errorText } from '../evaluators/store';
import { formatInstant } from '../shared/format';
import { openQueue } from './navigation';
import { progressText } from './queue-order';
import { useQueue } from './store';

const UNDO_MS = 10_000;

/**
 * The kept review queues, newest first, each with its progress: resume one (its first unreviewed
 * call opens) or delete it, with Undo. Self-contained so it can sit in a popover or a sidebar.
 */
export function QueueList({ onOpened }: { onOpened?(): void }) {
  const client = useQueryClient();
  const queues = useApiQuery('listQueues', {});
  const activeId = useQueue((s) => s.active?.id ?? null);
  const [deleted, setDeleted] = useState<QueueCopy | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const refreshList = () => void client.invalidateQueries({ queryKey: apiQuery('listQueues', {}).queryKey });
  const remove = useApiMutation('deleteQueue', {
    onSuccess: ({ queue }) => {
      setDeleted(queue);
      refreshList();
    },
    onError: (error) => setStatus(`Not deleted: ${errorText(error)}`),
  });
  const restore = useApiMutation('restoreQueue', {
    onSuccess: () => {
      setDeleted(null);
      refreshList();
    },
    onError: (error) => setStatus(`Not restored: ${errorText(error)}`),
  });

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const resume = (queue: QueueProgress) => {
    onOpened?.();
    void openQueue(queue);
  };
  const drop = (queue: QueueProgress) => {
    setStatus(null);
    // its calls are listed no longer: put the view from before back first
    if (activeId === queue.id) useQueue.getState().leave();
    remove.mutate({ id: queue.id });
  };

  const list = queues.data ?? [];
  return (
    <div className="queue-list">
      {deleted && (
        <p className="queue-deleted" role="status">
          Deleted “{deleted.name}”.{' '}
          <button type="button" className="button small" disabled={restore.isPending} onClick={() => restore.mutate({ queue: deleted })}>
            Undo
          </button>
        </p>
      )}
      {status && (
        <p role="alert" className="error">
          {status}
        </p>
      )}
      {queues.error ? (
        <p role="alert" className="error">
          Could not read the queues: {queues.error.message}
        </p>
      ) : queues.data === undefined ? (
        <p className="muted" aria-busy="true">
          Reading the queues…
        </p>
      ) : list.length === 0 ? (
        <p className="muted">No review queues yet. Start one from the list: Start review queue… (q).</p>
      ) : (
        <ul aria-label="Review queues">
          {list.map((queue) => (
            <li key={queue.id} aria-current={queue.id === activeId ? 'true' : undefined}>
              <div className="queue-list-text">
                <strong className="ellipsis" title={queue.name}>
                  {queue.name}
                </strong>
                <span className="muted small queue-list-meta">
                  {queue.source} · {formatInstant(queue.created_at, 'minute')}
                </span>
                <span className="queue-list-progress small">
                  <progress max={queue.total} value={queue.reviewed} aria-hidden="true" /> {progressText(queue.reviewed, queue.total)}
                </span>
              </div>
              <div className="queue-list-actions">
                {queue.id === activeId ? (
                  <span className="badge">open</span>
                ) : (
                  <button type="button" className="button small" aria-label={`Resume queue ${queue.name}`} onClick={() => resume(queue)}>
                    Resume
                  </button>
                )}
                <button type="button" className="button small" aria-label={`Delete queue ${queue.name}`} disabled={remove.isPending} onClick={() => drop(queue)}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
