import { useState } from 'react';
import { EvaluatorPicker } from './EvaluatorPicker';
import { finishedRun, startRun } from './runs';
import { errorText } from './store';
import { useEvaluatorList } from './queries';

/** "Run evaluator" on the open call: choose evaluators, run them on this call, report when done (the results are read again on the run's end event). */
export function RunEvaluator({ callId }: { callId: number }) {
  const { evaluators } = useEvaluatorList();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [force, setForce] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setStatus('Running…');
    try {
      const runId = await startRun({ evaluator_ids: chosen, call_ids: [callId], force });
      setOpen(false);
      const finished = await finishedRun(runId);
      const failed = finished.results.filter((r) => r.status === 'failed').length;
      setStatus(failed > 0 ? `Done: ${failed} failed.` : 'Done.');
    } catch (error) {
      setStatus(`Not run: ${errorText(error)}`);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="run-evaluator">
      <button type="button" className="button small" aria-expanded={open} disabled={running} onClick={() => setOpen(!open)}>
        Run evaluator
      </button>
      {status && (
        <span role="status" className="muted small">
          {status}
        </span>
      )}
      {open && (
        <form
          className="popover"
          aria-label="Run evaluators on this call"
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <EvaluatorPicker evaluators={evaluators} chosen={chosen} onChange={setChosen} />
          <label className="small">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Re-run even if unchanged
          </label>
          <div className="dialog-actions">
            <button type="submit" className="button small" disabled={chosen.length === 0}>
              Run
            </button>
            <button type="button" className="button small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
