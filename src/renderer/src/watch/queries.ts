import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { WatchStatus } from '../../../core/api/watch-contract';
import { useCallList } from '../calls/store';
import { useApiMutation, useApiQuery } from '../query/api-query';
import { apiQuery } from '../query/api-query';
import { filterKey } from '../views/view-match';
import { FLAGGED_FILTER } from '../views/apply-view';

/** The badge counts (read again on every `calls.flagged` event: query/events.ts). */
export function useWatchStatus(): WatchStatus | undefined {
  return useApiQuery('getWatchStatus', {}).data;
}

/** Marks the flags seen up to the newest one shown; the answer is the counts after. */
export function useMarkSeen() {
  const client = useQueryClient();
  return useApiMutation('markFlagsSeen', {
    onSuccess: (status) => client.setQueryData(apiQuery('getWatchStatus', {}).queryKey, status),
  });
}

/**
 * While the list shows the Flagged view, its flags count as seen (however it was opened: the
 * sidebar, `v`, a saved filter), up to the newest one the counts knew of.
 */
export function useSeenWhileFlaggedShown(status: WatchStatus | undefined): void {
  const shown = useCallList((s) => filterKey(s.filter) === filterKey(FLAGGED_FILTER));
  const { mutate } = useMarkSeen();
  const unseen = status?.unseen ?? 0;
  const latest = status?.latest_flag_id ?? 0;
  useEffect(() => {
    if (shown && unseen > 0 && latest > 0) mutate({ up_to_id: latest });
  }, [shown, unseen, latest, mutate]);
}
