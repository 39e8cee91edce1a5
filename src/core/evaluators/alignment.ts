/**
 * Agreement between an evaluator's pass/fail and the analyst's manual marks (DESIGN §8).
 * "Positive" is a failure: the thing an analyst hunts for, so precision and recall answer "when
 * the evaluator flags a call, is it really failed?" and "does it catch the failed calls?".
 */
export interface AlignmentPair {
  call_id: number;
  /** the analyst's mark: true = success. */
  manual: boolean;
  /** the evaluator's: true = pass. */
  evaluator: boolean;
}

export interface Alignment {
  n: number;
  agree: number;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  kappa: number | null;
  /** counts with failure as the positive class. */
  confusion: { tp: number; fp: number; fn: number; tn: number };
  disagreeing_call_ids: number[];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function alignment(pairs: readonly AlignmentPair[]): Alignment {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const disagreeing: number[] = [];
  for (const pair of pairs) {
    const manualFail = !pair.manual;
    const evalFail = !pair.evaluator;
    if (manualFail && evalFail) tp++;
    else if (!manualFail && evalFail) fp++;
    else if (manualFail && !evalFail) fn++;
    else tn++;
    if (manualFail !== evalFail) disagreeing.push(pair.call_id);
  }
  const n = pairs.length;
  const observed = ratio(tp + tn, n);
  // Cohen's kappa: agreement beyond what the two raters' own rates would give by chance.
  const expected = n === 0 ? null : ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  let kappa: number | null = null;
  if (observed !== null && expected !== null) kappa = expected === 1 ? (observed === 1 ? 1 : 0) : (observed - expected) / (1 - expected);
  return {
    n,
    agree: tp + tn,
    accuracy: observed,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    kappa,
    confusion: { tp, fp, fn, tn },
    disagreeing_call_ids: disagreeing,
  };
}
