import type { ProviderEvaluation } from '../../../core/model/call';
import { outcomeClass } from './format';

/**
 * The platform's own judgements of the call (Cekura's metrics), as it reported them: read-only,
 * beside the evaluators run here, so the two can be compared.
 */
export function ProviderEvaluations({ provider, evaluations }: { provider: string; evaluations: readonly ProviderEvaluation[] }) {
  return (
    <ul className="evaluation-list" aria-label={`Evaluations reported by ${provider}`}>
      {evaluations.map((evaluation, i) => {
        const outcome = evaluation.passed === null ? 'unknown' : evaluation.passed ? 'pass' : 'fail';
        const answer = evaluation.passed !== null ? (evaluation.passed ? 'pass' : 'fail') : evaluation.score !== null ? String(evaluation.score) : '—';
        return (
          <li key={`${evaluation.id ?? evaluation.name}-${i}`} className="evaluation provider-evaluation" data-outcome={outcome}>
            <div className="evaluation-head">
              <span className="evaluation-name">{evaluation.name}</span>
              <span className="muted small">reported by {provider}</span>
              <span className={outcomeClass(outcome)}>{answer}</span>
            </div>
            {evaluation.explanation && <p className="evaluation-reason">{evaluation.explanation}</p>}
          </li>
        );
      })}
    </ul>
  );
}
