import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CallDetail, CallNotes } from '../../../core/api/types';
import type { Verdict } from '../../../core/model/call';
import { apiQuery, useApiMutation } from '../query/api-query';
import { expectEcho, forgetEcho } from '../query/own-writes';

/**
 * The open call's review writes: verdict and notes. Each answers with what it changed, which is
 * written into the call's cached read: one small request, and no re-read of the call (its
 * 'reviewed' event, when it comes back, is known as this write's echo).
 */
export function useCallReview(callId: number) {
  const client = useQueryClient();
  const patch = (change: (detail: CallDetail) => CallDetail) => client.setQueryData(apiQuery('getCall', { id: callId }).queryKey, (detail) => detail && change(detail));
  const echo = { onMutate: () => expectEcho(callId), onError: () => forgetEcho(callId) };
  const showNotes = ({ notes }: CallNotes) => patch((detail) => ({ ...detail, notes }));

  const verdict = useApiMutation('setVerdict', {
    ...echo,
    onSuccess: (review) => patch((detail) => ({ ...detail, call: { ...detail.call, verdict: review.verdict, reviewed_at: review.reviewed_at } })),
  });
  const addNote = useApiMutation('addNote', { ...echo, onSuccess: showNotes });
  const deleteNote = useApiMutation('deleteNote', { ...echo, onSuccess: showNotes });

  const { mutate: writeVerdict } = verdict;
  const { mutateAsync: writeNote } = addNote;
  const { mutateAsync: removeNote } = deleteNote;
  return {
    /** `onSaved` runs once the verdict is stored (not if this call view closed meanwhile). */
    setVerdict: useCallback((next: Verdict | null, onSaved?: () => void) => writeVerdict({ id: callId, verdict: next }, { onSuccess: () => onSaved?.() }), [callId, writeVerdict]),
    addNote: useCallback(async (atMs: number | null, text: string) => void (await writeNote({ id: callId, at_ms: atMs, text })), [callId, writeNote]),
    deleteNote: useCallback(async (noteId: number) => void (await removeNote({ id: callId, note_id: noteId })), [callId, removeNote]),
  };
}
