import { api } from '../api';
import { useRuns } from './runs';

/** A list run's progress: done / failed / reused of the total, Cancel while it runs, Dismiss after. */
export function RunProgress({ runId, onDismiss }: { runId: string; onDismiss(): void }) {
  const progress = useRuns((s) => s.progress[runId]);
  if (!progress) return null;
  const { counts, status } = progress;
  const finished = counts.done + counts.failed + counts.reused + counts.cancelled;
  return (
    <div className="run-progress" role="group" aria-label="Evaluation run">
      <progress aria-label="Evaluation progress" max={counts.total} value={finished} />
      <span className="small" role="status">
        {status === 'running' ? 'Evaluating' : status === 'cancelled' ? 'Cancelled' : 'Evaluated'}: {counts.done} done · {counts.failed} failed · {counts.reused} reused
        {counts.cancelled > 0 ? ` · ${counts.cancelled} cancelled` : ''} of {counts.total}
      </span>
      {status === 'running' ? (
        <button type="button" className="button small" onClick={() => void api.cancelEvaluationRun({ run_id: runId })}>
          Cancel
        </button>
      ) : (
        <button type="button" className="button small" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
