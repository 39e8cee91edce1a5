import type { QueueCalls, QueueProgress } from '../../../core/api/triage-contract';
import { useCallList, type CallSort } from '../calls/store';
import { apiQuery } from '../query/api-query';
import { queryClient } from '../query/client';
import { toast } from '../shared/toast';
import { nextUnreviewedIn, withMarks } from './queue-order';
import { useQueue } from './store';

/**
 * Going through the open queue outside React (keys, the verdict that moves it on): its calls come
 * from the same cached read the queue bar shows (getQueue under the list's sort, so "next" is the
 * next row of the list).
 */

export const queueQuery = (id: number, sort: CallSort) => apiQuery('getQueue', { id, sort });

/** The open queue's calls in list order, with the verdicts given here laid over them; read when not cached. */
export async function openQueueCalls(): Promise<QueueCalls | null> {
  const active = useQueue.getState().active;
  if (!active) return null;
  const read = await queryClient.fetchQuery({ ...queueQuery(active.id, useCallList.getState().sort), staleTime: Number.POSITIVE_INFINITY });
  return withMarks(read.calls, useQueue.getState().marked);
}

/** The cached calls of the open queue (null before they are read). */
export function cachedQueueCalls(): QueueCalls | null {
  const active = useQueue.getState().active;
  if (!active) return null;
  const read = queryClient.getQueryData(queueQuery(active.id, useCallList.getState().sort).queryKey);
  return read ? withMarks(read.calls, useQueue.getState().marked) : null;
}

/** Opens the next unreviewed call after `after` (the open call by default); says so when every call is reviewed (unless `quiet`). */
export async function openNextUnreviewed(after: number | null = useCallList.getState().selectedId, quiet = false): Promise<void> {
  const calls = await openQueueCalls().catch((error: unknown) => {
    toast(`Could not read the queue: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (!calls) return;
  const next = nextUnreviewedIn(calls, after);
  if (next === null) {
    if (!quiet) toast(`All ${calls.length.toLocaleString('en-US')} calls of this queue are reviewed.`);
  } else useCallList.getState().select(next);
}

/** Opens a queue: the list shows its calls in its order, and its first unreviewed call (or its first call) opens. */
export async function openQueue(queue: Pick<QueueProgress, 'id' | 'name' | 'sort'>): Promise<void> {
  useQueue.getState().enter(queue);
  useCallList.getState().select(null);
  const calls = await openQueueCalls().catch(() => null);
  const first = calls && (nextUnreviewedIn(calls, null) ?? calls[0]?.call_id);
  if (first !== null && first !== undefined && useQueue.getState().active?.id === queue.id) useCallList.getState().select(first);
}
