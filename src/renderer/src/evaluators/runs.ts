import { useEffect } from 'react';
import { create } from 'zustand';
import type { EvaluationRunView } from '../../../core/api/evaluators-contract';
import type { EvaluationProgressEvent } from '../../../core/api/types';
import { api, onApiEvent } from '../api';

/**
 * Evaluation runs as the UI knows them: the newest progress of each run, fed by the
 * 'evaluation.progress' / 'evaluation.finished' events and by the run's own state when read.
 */
export type RunState = EvaluationProgressEvent;

interface RunsState {
  progress: Record<string, RunState>;
  report(progress: RunState): void;
}

const settled = (p: RunState | undefined): boolean => p !== undefined && p.status !== 'running';
const finishedCount = (p: RunState): number => p.progress.finished;

export const useRuns = create<RunsState>((set, get) => ({
  progress: {},
  report(next) {
    const known = get().progress[next.run_id];
    // Events and reads can arrive out of order: never go back from an ended run, or to fewer finished items.
    if (known && (settled(known) || finishedCount(known) > finishedCount(next)) && !settled(next)) return;
    set((state) => ({ progress: { ...state.progress, [next.run_id]: next } }));
  },
}));

export function stateOf(view: EvaluationRunView): RunState {
  return { run_id: view.id, status: view.status, progress: view.progress };
}

/** Mounted once (App): keeps the event stream open so no run's end is missed. */
export function useEvaluationEvents(): void {
  useEffect(() => {
    const report = (p: RunState) => useRuns.getState().report(p);
    const offProgress = onApiEvent('evaluation.progress', report);
    const offFinished = onApiEvent('evaluation.finished', report);
    return () => {
      offProgress();
      offFinished();
    };
  }, []);
}

/** Resolves once the run has ended, with its results. */
export async function finishedRun(runId: string): Promise<EvaluationRunView> {
  await new Promise<void>((resolve) => {
    if (settled(useRuns.getState().progress[runId])) return resolve();
    const unsubscribe = useRuns.subscribe((state) => {
      if (!settled(state.progress[runId])) return;
      unsubscribe();
      resolve();
    });
    // The run may have ended before any event reached this window: read its state once.
    void api.getEvaluationRun({ run_id: runId, results: false }).then((view) => useRuns.getState().report(stateOf(view)), () => undefined);
  });
  return api.getEvaluationRun({ run_id: runId, results: true });
}

/** Starts a run and records its first progress. */
export async function startRun(input: Parameters<typeof api.startEvaluationRun>[0]): Promise<string> {
  const view = await api.startEvaluationRun(input);
  useRuns.getState().report(stateOf(view));
  return view.id;
}
