import { useState } from 'react';
import type { CallListFilter } from '../../../core/api/types';
import { useEvaluatorList } from '../evaluators/queries';
import { outcomeLabel, outcomes, type Outcome } from './outcomes';

/** Calls by an evaluator's newest outcome on them ("Card numbers: fail"); one condition per evaluator. */
export function EvaluatorOutcomeForm({ filter, onChange }: { filter: CallListFilter; onChange(filter: CallListFilter): void }) {
  const { evaluators } = useEvaluatorList();
  const [evaluatorId, setEvaluatorId] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('fail');
  if (evaluators.length === 0) return null;
  const active = filter.evaluations ?? [];
  return (
    <form
      className="metric-filter-form"
      onSubmit={(event) => {
        event.preventDefault();
        const id = evaluatorId || evaluators[0]?.id;
        if (!id) return;
        onChange({ ...filter, evaluations: [...active.filter((f) => f.evaluator_id !== id), { evaluator_id: id, outcome }].slice(-10) });
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
  );
}
