import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiQuery, useApiMutation } from '../query/api-query';
import { expectEcho, forgetEcho } from '../query/own-writes';
import { errorText } from '../evaluators/store';
import { toast } from '../shared/toast';
import { useQueue } from './store';

/** As long as the call view's own Undo stays after a verdict. */
const UNDO_MS = 10_000;

/**
 * "Call 6 marked failure · Undo" after a verdict moved the queue on: Undo puts that call's verdict
 * back and leaves the analyst on the call they are on (it counts as unreviewed again, so "Next
 * unreviewed" comes back to it).
 */
export function LeftCallUndo() {
  const left = useQueue((s) => s.left);
  const client = useQueryClient();
  const undo = useApiMutation('setVerdict', {
    // like the call view's own write: its answer goes into the call's read, its event is known as an echo
    onMutate: ({ id }) => expectEcho(id),
    onError: (error, { id }) => {
      forgetEcho(id);
      useQueue.getState().mark(id, true);
      toast(`Not undone: ${errorText(error)}`);
    },
    onSuccess: (review) => {
      client.setQueryData(apiQuery('getCall', { id: review.id }).queryKey, (detail) => detail && { ...detail, call: { ...detail.call, verdict: review.verdict, reviewed_at: review.reviewed_at } });
    },
  });

  useEffect(() => {
    if (!left) return;
    const timer = setTimeout(() => useQueue.getState().setLeft(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [left]);

  if (!left) return null;
  return (
    <span className="queue-left" role="status">
      Call {left.position} marked {left.verdict}{' '}
      <button
        type="button"
        className="button small"
        disabled={undo.isPending}
        onClick={() => {
          undo.mutate({ id: left.callId, verdict: left.previous });
          // counted as it was at once; the write's answer and event confirm it
          useQueue.getState().mark(left.callId, left.previous !== null);
          useQueue.getState().setLeft(null);
        }}
      >
        Undo
      </button>
    </span>
  );
}
