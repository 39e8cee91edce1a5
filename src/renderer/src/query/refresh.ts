import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * Marks cached reads stale, a little later and together: a burst of events (an import, a run
 * finishing on many calls) becomes one re-read of what is on screen. A read already on its way is
 * not cancelled and asked twice at once (a count over a million calls runs in the server's only
 * thread): it is asked again once it has answered, since it may have been read before the change.
 */
export function batchedRefresh(client: QueryClient, delayMs: number): { refresh(queryKey?: QueryKey): void; dispose(): void } {
  const due = new Map<string, QueryKey | undefined>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const refreshNow = (queryKey: QueryKey | undefined) => {
    for (const query of client.getQueryCache().findAll(queryKey ? { queryKey } : {})) {
      const again = () => void client.invalidateQueries({ queryKey: query.queryKey, exact: true }, { cancelRefetch: false });
      const running = query.state.fetchStatus === 'fetching' ? query.promise : undefined;
      if (running) running.then(again, again);
      else again();
    }
  };

  return {
    refresh(queryKey) {
      due.set(queryKey ? hashKey(queryKey) : '*', queryKey);
      timer ??= setTimeout(() => {
        timer = null;
        const keys = due.has('*') ? [undefined] : [...due.values()];
        due.clear();
        keys.forEach(refreshNow);
      }, delayMs);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      due.clear();
    },
  };
}
