import { hashKey, queryOptions } from '@tanstack/react-query';
import type { EvaluationRunView } from '../../../core/api/evaluators-contract';
import type { EvaluationProgressEvent } from '../../../core/api/types';
import { api } from '../api';
import { queryClient } from '../query/client';
import type { ApiQueryKey } from '../query/api-query';

/**
 * Evaluation runs as the UI knows them: the newest progress of each run, cached under the run's
 * read without results (`getEvaluationRun`), written by the run's start, by the
 * 'evaluation.progress' / 'evaluation.finished' events (query/events.ts) and by reads.
 */
export type RunState = EvaluationProgressEvent;

const settled = (p: RunState | undefined): boolean => p !== undefined && p.status !== 'running';

/** Events and reads can arrive out of order: never go back from an ended run, or to fewer finished items. */
function newer(known: RunState | undefined, next: RunState): RunState {
  return known && (settled(known) || known.progress.finished > next.progress.finished) && !settled(next) ? known : next;
}

export function stateOf(view: EvaluationRunView): RunState {
  return { run_id: view.id, status: view.status, progress: view.progress };
}

export function runStateQuery(runId: string) {
  const queryKey: ApiQueryKey<'getEvaluationRun'> = ['getEvaluationRun', { run_id: runId, results: false }];
  return queryOptions({
    queryKey,
    queryFn: async (): Promise<RunState> => newer(queryClient.getQueryData<RunState>(queryKey), stateOf(await api.getEvaluationRun({ run_id: runId, results: false }))),
  });
}

/** Records what is known of a run now (kept only if it is news). */
export function recordRun(next: RunState): void {
  queryClient.setQueryData(runStateQuery(next.run_id).queryKey, (known) => newer(known, next));
}

/** Resolves once the run has ended, with its results. */
export async function finishedRun(runId: string): Promise<EvaluationRunView> {
  const { queryKey } = runStateQuery(runId);
  const ended = () => settled(queryClient.getQueryData(queryKey));
  await new Promise<void>((resolve) => {
    if (ended()) return resolve();
    const hash = hashKey(queryKey);
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.query.queryHash !== hash || !ended()) return;
      unsubscribe();
      resolve();
    });
    // The run may have ended before any event reached this window: read its state once.
    void api.getEvaluationRun({ run_id: runId, results: false }).then((view) => recordRun(stateOf(view)), () => undefined);
  });
  return api.getEvaluationRun({ run_id: runId, results: true });
}

/** Starts a run and records its first progress. */
export async function startRun(input: Parameters<typeof api.startEvaluationRun>[0]): Promise<string> {
  const view = await api.startEvaluationRun(input);
  recordRun(stateOf(view));
  return view.id;
}
