import { QueryClient } from '@tanstack/react-query';

/**
 * The renderer's one cache of server state. What the backend holds is read through it (keys are
 * `[method, input]`, see api-query.ts) and kept until an API event says it changed (events.ts):
 * so data never goes stale by age, a window regaining focus reads nothing, and a failed read is
 * shown at once rather than retried behind the user's back.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
    mutations: { retry: false },
  },
});
