import type { EvaluationResultView } from '../../../core/api/evaluators-contract';
import type { ProviderEvaluation, Turn } from '../../../core/model/call';
import { useApiQuery } from '../query/api-query';
import { formatInstant, formatMs, formatOffset } from '../shared/format';
import { outcomeClass, outcomeOf, resultText } from './format';
import { RunEvaluator } from './RunEvaluator';
import { ProviderEvaluations } from './ProviderEvaluations';
import { errorText } from './store';

/**
 * The call's evaluations beside its transcript: each evaluator's newest result with its reason,
 * the model and cost, and evidence turns that seek the waveform. Refreshes when any run ends.
 */
export function EvaluationsPanel({
  callId,
  turns,
  onEvidence,
  reported = null,
}: {
  callId: number;
  turns: Turn[];
  onEvidence(turn: Turn): void;
  /** the platform's own evaluations of the call, shown below the evaluators run here. */
  reported?: { provider: string; evaluations: readonly ProviderEvaluation[] } | null;
}) {
  const { data: results, error } = useApiQuery('getCallEvaluations', { id: callId });

  return (
    <section className="evaluations" aria-label="Evaluations">
      <div className="evaluations-head">
        <span className="section-title">Evaluations</span>
        <RunEvaluator callId={callId} />
      </div>
      {error && <p className="error small">{errorText(error)}</p>}
      {results && results.length === 0 && <p className="muted small">No evaluator has run on this call.</p>}
      {results && results.length > 0 && (
        <ul className="evaluation-list" aria-label="Evaluation results">
          {results.map((result) => (
            <ResultItem key={result.id} result={result} turns={turns} onEvidence={onEvidence} />
          ))}
        </ul>
      )}
      {reported && reported.evaluations.length > 0 && <ProviderEvaluations provider={reported.provider} evaluations={reported.evaluations} />}
    </section>
  );
}

function ResultItem({ result, turns, onEvidence }: { result: EvaluationResultView; turns: Turn[]; onEvidence(turn: Turn): void }) {
  const outcome = outcomeOf(result);
  const failed = result.status === 'failed';
  const tokens = result.prompt_tokens !== null || result.completion_tokens !== null ? `${(result.prompt_tokens ?? 0) + (result.completion_tokens ?? 0)} tokens` : null;
  return (
    <li className="evaluation" data-evaluator={result.evaluator_id} data-outcome={outcome}>
      <div className="evaluation-head">
        <span className="evaluation-name">{result.evaluator_name}</span>
        <span className="muted small">v{result.evaluator_version}</span>
        <span className={outcomeClass(outcome)}>
          {resultText(result, failed)}
        </span>
      </div>
      {failed ? <p className="error small">{result.error ?? 'failed'}</p> : result.reason && <p className="evaluation-reason">{result.reason}</p>}
      {result.evidence.length > 0 && (
        <div className="evidence" role="group" aria-label="Evidence">
          {result.evidence.map((idx) => {
            const turn = turns.find((t) => t.idx === idx);
            return (
              <button key={idx} type="button" className="chip evidence-chip" disabled={!turn} onClick={() => turn && onEvidence(turn)} title="Seek to this turn">
                Turn {idx}
                {turn && turn.start_ms !== null ? ` · ${formatOffset(turn.start_ms)}` : ''}
              </button>
            );
          })}
        </div>
      )}
      <p className="muted small evaluation-meta">
        {[result.model ?? 'rule', formatMs(result.duration_ms), result.cost_usd !== null ? `$${result.cost_usd.toFixed(4)}` : null, tokens, result.attempts > 1 ? `${result.attempts} attempts` : null, formatInstant(result.created_at)]
          .filter((part) => part !== null)
          .join(' · ')}
      </p>
    </li>
  );
}
