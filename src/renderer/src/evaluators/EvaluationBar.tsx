import { useState } from 'react';
import { EvaluateDialog } from './EvaluateDialog';
import { ExportButton } from '../export/ExportButton';
import { RunProgress } from './RunProgress';
import { useEvaluators } from './store';
import { useEvaluatorList } from './queries';

/**
 * The list's evaluator tools: "Evaluate…" with the run's progress, and which result columns to
 * show. (Filtering by an evaluator's outcome is in the filter bar, filters/EvaluatorOutcomeForm.)
 */
export function EvaluationBar() {
  const { evaluators } = useEvaluatorList();
  const shown = useEvaluators((s) => s.shown);
  const checked = useEvaluators((s) => s.checked);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [runId, setRunId] = useState<string | null>(null);

  return (
    <div className="filters evaluation-bar" role="group" aria-label="Evaluation tools">
      <button type="button" className="button small" onClick={() => setDialogOpen(true)}>
        Evaluate…
      </button>
      {checked.size > 0 && (
        <span className="small">
          {checked.size} ticked{' '}
          <button type="button" className="link" onClick={() => useEvaluators.getState().clearChecked()}>
            clear
          </button>{' '}
          {/* the ticked calls' redacted copies: a zip, with a note where a call has no audio */}
          <ExportButton callIds={[...checked]} audioUnavailable={null} />
        </span>
      )}
      {evaluators.length > 0 && (
        <details className="columns-menu">
            <summary>Result columns</summary>
            <div className="popover">
              {evaluators.map((e) => (
                <label key={e.id} className="picker-row">
                  <input
                    type="checkbox"
                    checked={shown.includes(e.id)}
                    onChange={(event) => useEvaluators.getState().setShown(event.target.checked ? [...shown, e.id] : shown.filter((id) => id !== e.id))}
                  />{' '}
                  {e.spec.name}
                </label>
              ))}
            </div>
        </details>
      )}
      {runId && <RunProgress runId={runId} onDismiss={() => setRunId(null)} />}
      {dialogOpen && <EvaluateDialog onClose={() => setDialogOpen(false)} onStarted={setRunId} />}
    </div>
  );
}
