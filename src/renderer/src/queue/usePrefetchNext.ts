import { useEffect } from 'react';
import type { QueueCalls } from '../../../core/api/triage-contract';
import { apiQuery } from '../query/api-query';
import { queryClient } from '../query/client';
import { nextUnreviewedIn } from './queue-order';

/**
 * A queue knows which call comes next: its reads (what the call view asks for first) are fetched
 * while the analyst works on the open one, so the verdict key shows the next call at once rather
 * than after its reads. One call ahead, so it costs one call's reads that would be made anyway.
 */
export function usePrefetchNext(calls: QueueCalls, openId: number | null): void {
  const next = calls.length > 0 && openId !== null ? nextUnreviewedIn(calls, openId) : null;
  useEffect(() => {
    if (next === null) return;
    void queryClient.prefetchQuery(apiQuery('getCall', { id: next }));
    void queryClient.prefetchQuery(apiQuery('getCallMetrics', { id: next }));
    void queryClient.prefetchQuery(apiQuery('getCallPii', { id: next }));
    void queryClient.prefetchQuery(apiQuery('getCallEvaluations', { id: next }));
  }, [next]);
}
