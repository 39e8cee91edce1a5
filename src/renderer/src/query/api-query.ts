import { queryOptions, useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../../core/api/contract';
import { api } from '../api';

/** A read's cache key: the method and its input, so the same read is one entry wherever it is asked. */
export type ApiQueryKey<M extends ApiMethod> = readonly [M, ApiInput<M>];

/** Query options for one API read (to pass to `useQuery`, `useQueries`, `prefetchQuery`, `setQueryData`). */
export function apiQuery<M extends ApiMethod>(method: M, input: ApiInput<M>) {
  return queryOptions(apiRead(method, input));
}

function apiRead<M extends ApiMethod>(method: M, input: ApiInput<M>) {
  const queryKey: ApiQueryKey<M> = [method, input];
  return { queryKey, queryFn: (): Promise<ApiOutputs[M]> => api[method](input) };
}

type ReadOptions<M extends ApiMethod, TData> = Omit<UseQueryOptions<ApiOutputs[M], Error, TData, ApiQueryKey<M>>, 'queryKey' | 'queryFn'>;

/** One API read through the cache; `select` picks the part a component shows (re-rendering only when it changes). */
export function useApiQuery<M extends ApiMethod, TData = ApiOutputs[M]>(method: M, input: ApiInput<M>, options?: ReadOptions<M, TData>) {
  return useQuery<ApiOutputs[M], Error, TData, ApiQueryKey<M>>({ ...apiRead(method, input), ...options });
}

type WriteOptions<M extends ApiMethod, TContext> = Omit<UseMutationOptions<ApiOutputs[M], Error, ApiInput<M>, TContext>, 'mutationKey' | 'mutationFn'>;

/** One API write; what it changes is written into the cache from its answer (`onSuccess`) or by the events it causes. */
export function useApiMutation<M extends ApiMethod, TContext = unknown>(method: M, options?: WriteOptions<M, TContext>) {
  return useMutation({ mutationKey: [method], mutationFn: (input: ApiInput<M>): Promise<ApiOutputs[M]> => api[method](input), ...options });
}
