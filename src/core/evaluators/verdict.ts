import type { EvaluatorOutput } from './definition';

/** What one evaluator concluded about one call. */
export interface Verdict {
  /** 'pass' | 'fail' for pass/fail outputs, the label for label outputs, null for scores. */
  verdict: string | null;
  /** 1-5 for score outputs. */
  score: number | null;
  /** whether this counts as a pass when compared with a manual success/failure mark. */
  passed: boolean | null;
  reason: string;
  /** turn indexes that support the verdict (the UI links them to the waveform). */
  evidence: number[];
}

/** The verdict of a rule that had nothing to measure on a call. */
export const NOT_APPLICABLE = 'not_applicable';

/** Maps a verdict or score to pass/fail under an output type. */
export function passedUnder(output: EvaluatorOutput, verdict: string | null, score: number | null): boolean | null {
  switch (output.type) {
    case 'pass_fail':
      return verdict === 'pass' ? true : verdict === 'fail' ? false : null;
    case 'score':
      return score === null ? null : score >= output.pass_at;
    case 'labels':
      if (verdict === null || output.pass_labels.length === 0) return null;
      return output.pass_labels.includes(verdict);
  }
}

/** How a result reads in the list and its filters. */
export type Outcome = 'pass' | 'fail' | 'error' | 'not_applicable' | 'unknown';

/**
 * A result in the list's terms: failed runs are errors; a rule with nothing to measure is not
 * applicable; otherwise pass, fail, or unknown (an output with no pass mapping).
 */
export function outcomeOf(result: { status: 'done' | 'failed'; passed: boolean | null; verdict?: string | null }): Outcome {
  if (result.status === 'failed') return 'error';
  if (result.verdict === NOT_APPLICABLE) return 'not_applicable';
  return result.passed === true ? 'pass' : result.passed === false ? 'fail' : 'unknown';
}
