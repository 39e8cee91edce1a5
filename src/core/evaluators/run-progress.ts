/** The states of one (call, evaluator) item of an evaluation run. */
export type RunItemState = 'pending' | 'running' | 'done' | 'failed' | 'reused' | 'cancelled';

/** How far a run has come: items per state, their total, and how many have ended. One type from store to screen. */
export type RunProgress = Record<RunItemState, number> & { total: number; finished: number };

/** Items that will not change again: done, failed, reused or cancelled. */
export function runProgress(counts: Record<RunItemState, number> & { total: number }): RunProgress {
  return { ...counts, finished: counts.done + counts.failed + counts.reused + counts.cancelled };
}
