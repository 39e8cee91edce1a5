import type { EvaluationResultView } from '../api/evaluators-contract';
import type { Turn } from '../model/call';

/** Evaluator results in the seed shapes: seed 001's `evaluation_results`, seed 003's `metrics`. */

/** The moment a result points at: its first evidence turn's start. */
function evidenceSeconds(result: EvaluationResultView, turns: readonly Turn[]): number | null {
  const first = result.evidence[0];
  const turn = first === undefined ? undefined : turns.find((t) => t.idx === first);
  return turn?.start_ms == null ? null : turn.start_ms / 1000;
}

export function qaEvaluationResults(results: readonly EvaluationResultView[], callUuid: string, turns: readonly Turn[]) {
  return results.map((r) => ({
    id: String(r.id),
    created_at: r.created_at,
    evaluation_id: r.evaluator_id,
    evaluation_template_id: r.evaluator_id,
    call_id: callUuid,
    type: 'auto' as const,
    result: r.status === 'failed' ? 'error' : (r.verdict ?? (r.score === null ? null : String(r.score))),
    success: r.status === 'done' ? r.passed : null,
    details: {
      evaluator_name: r.evaluator_name,
      evaluator_version: r.evaluator_version,
      score: r.score,
      reason: r.status === 'failed' ? r.error : r.reason,
      evidence_turns: r.evidence,
      model: r.model,
      tokens: r.prompt_tokens === null ? null : { prompt: r.prompt_tokens, completion: r.completion_tokens },
      cost_usd: r.cost_usd,
    },
    duration: r.duration_ms / 1000,
    seconds_from_start: evidenceSeconds(r, turns),
  }));
}

/** `evaluation_set_success_mapping`: evaluator id -> passed (only evaluators with a pass/fail reading). */
export function qaSuccessMapping(results: readonly EvaluationResultView[]): Record<string, boolean> | null {
  const entries = results.flatMap((r) => (r.status === 'done' && r.passed !== null ? [[r.evaluator_id, r.passed] as const] : []));
  return entries.length === 0 ? null : Object.fromEntries(entries);
}

/** Seed 003 CallLogListSerializerMetrics: scores for score outputs, enum values for verdicts. */
export function cekuraCallLogMetrics(results: readonly EvaluationResultView[]) {
  return results
    .filter((r) => r.status === 'done')
    .map((r) => ({
      id: r.id,
      name: r.evaluator_name,
      type: r.score !== null ? 'rating' : 'enum',
      score: r.score ?? (r.passed === null ? 0 : r.passed ? 1 : 0),
      enum: r.verdict ?? '',
      value: r.verdict ?? (r.score === null ? '' : String(r.score)),
    }));
}
