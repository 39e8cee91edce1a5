import { useState } from 'react';
import { EvaluateDialog } from './EvaluateDialog';
import { RunProgress } from './RunProgress';
import { useEvaluators } from './store';

/**
 * The list's evaluator tools: "Evaluate…" with the run's progress. Filtering by an evaluator's
 * outcome is the filter bar's (filters/EvaluatorOutcomeForm); which result columns show is the
 * column chooser's (layout/ColumnChooser.tsx), with the other columns.
 */
export function EvaluationBar() {
  const dialogOpen = useEvaluators((s) => s.evaluating);
  const setDialogOpen = useEvaluators((s) => s.setEvaluating);
  const [runId, setRunId] = useState<string | null>(null);

  return (
    <div className="filters evaluation-bar" role="group" aria-label="Evaluation tools">
      <button type="button" className="button small" onClick={() => setDialogOpen(true)}>
        Evaluate…
      </button>
      {runId && <RunProgress runId={runId} onDismiss={() => setRunId(null)} />}
      {dialogOpen && <EvaluateDialog onClose={() => setDialogOpen(false)} onStarted={setRunId} />}
    </div>
  );
}
