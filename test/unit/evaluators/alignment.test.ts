import { describe, expect, it } from 'vitest';
import { alignment, type AlignmentPair } from '../../../src/core/evaluators/alignment';

/** Agreement with manual marks; failure is the positive class. */

const pairs = (rows: [manualSuccess: boolean, evaluatorPass: boolean][]): AlignmentPair[] => rows.map(([manual, evaluator], i) => ({ call_id: i + 1, manual, evaluator }));

describe('alignment', () => {
  it('gives the figures of a set with known agreement', () => {
    // 10 calls: 3 both-fail (tp), 4 both-pass (tn), 2 evaluator-fail/manual-pass (fp, calls 8-9),
    // 1 evaluator-pass/manual-fail (fn, call 10).
    // accuracy = 7/10 = 0.7; precision = tp/(tp+fp) = 3/5 = 0.6; recall = tp/(tp+fn) = 3/4 = 0.75.
    // kappa by hand: p_o = 0.7. Evaluator says fail 5/10, manual says fail 4/10, so
    // p_e = 0.5*0.4 (both fail by chance) + 0.5*0.6 (both pass by chance) = 0.2 + 0.3 = 0.5;
    // kappa = (p_o - p_e) / (1 - p_e) = 0.2 / 0.5 = 0.4.
    const set = pairs([
      [false, false], [false, false], [false, false],
      [true, true], [true, true], [true, true], [true, true],
      [true, false], [true, false],
      [false, true],
    ]);
    const figures = alignment(set);
    expect(figures).toMatchObject({ n: 10, agree: 7, confusion: { tp: 3, tn: 4, fp: 2, fn: 1 }, disagreeing_call_ids: [8, 9, 10] });
    expect(figures.accuracy).toBeCloseTo(0.7, 12);
    expect(figures.precision).toBeCloseTo(0.6, 12);
    expect(figures.recall).toBeCloseTo(0.75, 12);
    expect(figures.kappa).toBeCloseTo(0.4, 12);
  });

  it('all agree, both classes present: kappa 1', () => {
    const figures = alignment(pairs([[true, true], [false, false], [true, true], [false, false]]));
    expect(figures).toMatchObject({ accuracy: 1, precision: 1, recall: 1, kappa: 1, disagreeing_call_ids: [] });
  });

  it('all agree on one class only: kappa 1, precision and recall undefined (nothing flagged)', () => {
    // p_e = 1 here (0/0 by the formula); perfect agreement is reported as 1
    expect(alignment(pairs([[true, true], [true, true]]))).toMatchObject({ accuracy: 1, kappa: 1, precision: null, recall: null });
  });

  it('none agree: accuracy 0; with balanced marks kappa is -1', () => {
    // p_o = 0; each says fail half the time: p_e = 0.5*0.5 + 0.5*0.5 = 0.5; kappa = -0.5/0.5 = -1
    const figures = alignment(pairs([[true, false], [true, false], [false, true], [false, true]]));
    expect(figures).toMatchObject({ accuracy: 0, agree: 0, precision: 0, recall: 0, kappa: -1, disagreeing_call_ids: [1, 2, 3, 4] });
  });

  it('no calls: every figure is null', () => {
    expect(alignment([])).toMatchObject({ n: 0, accuracy: null, precision: null, recall: null, kappa: null });
  });
});
