import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { runStateQuery } from './runs';

/** A list run's progress: done / failed / reused of the total, Cancel while it runs, Dismiss after. */
export function RunProgress({ runId, onDismiss }: { runId: string; onDismiss(): void }) {
  const { data: run } = useQuery(runStateQuery(runId));
  if (!run) return null;
  const { progress: counts, status } = run;
  return (
    <div className="run-progress" role="group" aria-label="Evaluation run">
      <progress aria-label="Evaluation progress" max={counts.total} value={counts.finished} />
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
