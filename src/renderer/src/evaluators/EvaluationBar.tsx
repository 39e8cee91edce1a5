import { useState } from 'react';
import type { CallListFilter } from '../../../core/api/types';
import { useCallList } from '../calls/store';
import { EvaluateDialog } from './EvaluateDialog';
import { RunProgress } from './RunProgress';
import { useEvaluators } from './store';
import { useEvaluatorList } from './queries';

type Outcome = NonNullable<CallListFilter['evaluations']>[number]['outcome'];
const outcomes: Outcome[] = ['fail', 'pass', 'not_applicable', 'error', 'none'];
const outcomeLabel = (o: Outcome): string => (o === 'none' ? 'not run' : o === 'not_applicable' ? 'not applicable' : o);

/**
 * The list's evaluator tools: "Evaluate…" with the run's progress, which result columns to show,
 * and filters by an evaluator's newest outcome (applied in SQL, shown as removable chips).
 */
export function EvaluationBar() {
  const { evaluators } = useEvaluatorList();
  const shown = useEvaluators((s) => s.shown);
  const filter = useCallList((s) => s.filter);
  const setFilter = useCallList((s) => s.setFilter);
  const dialogOpen = useEvaluators((s) => s.evaluating);
  const setDialogOpen = useEvaluators((s) => s.setEvaluating);
  const [runId, setRunId] = useState<string | null>(null);
  const [evaluatorId, setEvaluatorId] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('fail');
  const active = filter.evaluations ?? [];
  const nameOf = (id: string) => evaluators.find((e) => e.id === id)?.spec.name ?? id;

  const addFilter = () => {
    const id = evaluatorId || evaluators[0]?.id;
    if (!id) return;
    setFilter({ ...filter, evaluations: [...active.filter((f) => f.evaluator_id !== id), { evaluator_id: id, outcome }] });
  };
  const removeFilter = (id: string) => {
    const rest = active.filter((f) => f.evaluator_id !== id);
    setFilter({ ...filter, evaluations: rest.length > 0 ? rest : undefined });
  };

  return (
    <div className="filters evaluation-bar" role="group" aria-label="Evaluation tools">
      <button type="button" className="button small" onClick={() => setDialogOpen(true)}>
        Evaluate…
      </button>
      {evaluators.length > 0 && (
        <>
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
          <form
            className="metric-filter-form"
            onSubmit={(event) => {
              event.preventDefault();
              addFilter();
            }}
          >
            <select aria-label="Evaluator" value={evaluatorId} onChange={(e) => setEvaluatorId(e.target.value)}>
              {evaluators.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.spec.name}
                </option>
              ))}
            </select>
            <select aria-label="Outcome" value={outcome} onChange={(e) => setOutcome(outcomes.find((o) => o === e.target.value) ?? outcome)}>
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabel(o)}
                </option>
              ))}
            </select>
            <button type="submit" className="button small">
              Filter
            </button>
          </form>
        </>
      )}
      {active.map((f) => (
        <span key={f.evaluator_id} className="chip">
          {nameOf(f.evaluator_id)}: {outcomeLabel(f.outcome)}
          <button type="button" aria-label={`Remove filter ${nameOf(f.evaluator_id)}`} onClick={() => removeFilter(f.evaluator_id)}>
            ×
          </button>
        </span>
      ))}
      {runId && <RunProgress runId={runId} onDismiss={() => setRunId(null)} />}
      {dialogOpen && <EvaluateDialog onClose={() => setDialogOpen(false)} onStarted={setRunId} />}
    </div>
  );
}
