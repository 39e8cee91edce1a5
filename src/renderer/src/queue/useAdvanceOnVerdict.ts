import { useEffect } from 'react';
import type { Mutation } from '@tanstack/react-query';
import { onVerdictGiven } from '../call-view/verdict-given';
import { useCallList } from '../calls/store';
import { queryClient } from '../query/client';
import { cachedQueueCalls } from './navigation';
import { nextUnreviewedIn } from './queue-order';
import { useQueue } from './store';

/**
 * In an open queue, a verdict on one of its calls counts at once in its progress, and (unless the
 * analyst turned it off) opens the next unreviewed call. The call left stays one Undo away in the
 * queue bar: the call view's own Undo went with it, and undoing must not go back to it.
 */
export function useAdvanceOnVerdict(): void {
  useEffect(
    () =>
      onVerdictGiven(({ callId, previous, verdict }) => {
        const queue = useQueue.getState();
        const calls = cachedQueueCalls();
        const index = calls?.findIndex((call) => call.call_id === callId) ?? -1;
        if (!calls || index < 0) return;
        queue.mark(callId, verdict !== null);
        // the analyst may have moved on by the time the verdict is stored: never pull them back
        if (verdict === null || !queue.advance || useCallList.getState().selectedId !== callId) {
          if (queue.left?.callId === callId) queue.setLeft(null);
          return;
        }
        const next = nextUnreviewedIn(cachedQueueCalls() ?? calls, callId);
        // the last one: stay on it, where the call view's Undo still is
        if (next === null) {
          queue.setLeft(null);
          return;
        }
        useCallList.getState().select(next);
        queue.setLeft({ callId, position: index + 1, previous, verdict });
      }),
    [],
  );
  // every verdict written from this window (the call view's Undo, verdicts on ticked calls) counts at once too
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success' || !useQueue.getState().active) return;
        for (const [callId, reviewed] of verdictsWritten(event.mutation)) useQueue.getState().mark(callId, reviewed);
      }),
    [],
  );
}

/** The calls a verdict write set, each with whether it now has a verdict. */
function verdictsWritten(mutation: Mutation<unknown, unknown, unknown, unknown>): [number, boolean][] {
  const method = mutation.options.mutationKey?.[0];
  const input = mutation.state.variables;
  if (typeof input !== 'object' || input === null || !('verdict' in input)) return [];
  const reviewed = input.verdict !== null;
  if (method === 'setVerdict' && 'id' in input && typeof input.id === 'number') return [[input.id, reviewed]];
  if (method === 'setVerdicts' && 'call_ids' in input && Array.isArray(input.call_ids)) return input.call_ids.filter((id): id is number => typeof id === 'number').map((id) => [id, reviewed]);
  return [];
}
