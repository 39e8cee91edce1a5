import type { Evaluator } from '../../../core/evaluators/definition';

/** A checkbox per evaluator: which ones to run. */
export function EvaluatorPicker({ evaluators, chosen, onChange }: { evaluators: Evaluator[]; chosen: string[]; onChange(ids: string[]): void }) {
  if (evaluators.length === 0) return <p className="muted small">No evaluators yet: create one on the Evaluators page.</p>;
  return (
    <fieldset className="evaluator-picker">
      <legend>Evaluators</legend>
      {evaluators.map((evaluator) => (
        <label key={evaluator.id} className="picker-row">
          <input
            type="checkbox"
            checked={chosen.includes(evaluator.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, evaluator.id] : chosen.filter((id) => id !== evaluator.id))}
          />{' '}
          {evaluator.spec.name} <span className="muted small">{evaluator.spec.kind}</span>
        </label>
      ))}
    </fieldset>
  );
}
