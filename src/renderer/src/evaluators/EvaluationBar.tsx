import { useState } from 'react';
import { EvaluateDialog } from './EvaluateDialog';
import { ExportButton } from '../export/ExportButton';
import { RunProgress } from './RunProgress';
import { useEvaluators } from './store';

/**
 * The list's evaluator tools: "Evaluate…" with the run's progress. Filtering by an evaluator's
 * outcome is the filter bar's (filters/EvaluatorOutcomeForm); which result columns show is the
 * column chooser's (layout/ColumnChooser.tsx), with the other columns.
 */
export function EvaluationBar() {
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
      {runId && <RunProgress runId={runId} onDismiss={() => setRunId(null)} />}
      {dialogOpen && <EvaluateDialog onClose={() => setDialogOpen(false)} onStarted={setRunId} />}
    </div>
  );
}
