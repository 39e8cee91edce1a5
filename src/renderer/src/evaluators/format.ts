import type { EvaluatorOutput } from '../../../core/evaluators/definition';
import type { RowEvaluation } from '../../../core/api/types';
import { NOT_APPLICABLE } from '../../../core/evaluators/verdict';

/** What an evaluator answers with, in a few words. */
export function outputLabel(output: EvaluatorOutput): string {
  switch (output.type) {
    case 'pass_fail':
      return 'pass / fail';
    case 'score':
      return `score 1-5 (pass ≥ ${output.pass_at})`;
    case 'labels':
      return `label: ${output.labels.join(' / ')}`;
  }
}

/** A result in one word: the verdict or label, else the score, else the error. */
export function resultText(result: { verdict: string | null; score: number | null }, failed = false): string {
  if (failed) return 'error';
  if (result.score !== null) return `${result.score}/5`;
  if (result.verdict === NOT_APPLICABLE) return 'n/a';
  return result.verdict ?? '—';
}

/** The badge's colour: pass green, fail red, error amber, anything else neutral. */
export function outcomeClass(outcome: RowEvaluation['outcome']): string {
  return `outcome ${outcome}`;
}

export const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}%`);
export const fixed2 = (value: number | null): string => (value === null ? '—' : value.toFixed(2));

export { outcomeOf } from '../../../core/evaluators/verdict';
