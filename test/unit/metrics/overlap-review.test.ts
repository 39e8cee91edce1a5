import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classCounts, overlapAgreement, type OverlapLabelPair } from '../../../src/core/metrics/overlap-review';
import { OVERLAP_CLASSES } from '../../../src/core/metrics/overlap-verdicts';

describe('overlap classes a reviewer checked', () => {
  it('counts a call\'s overlaps by class, a confirmed label in place of the automatic class', () => {
    const overlaps = [
      { at_ms: 1000.4, class: 'barge_in' as const },
      { at_ms: 5000, class: 'backchannel' as const },
      { at_ms: 9000, class: 'backchannel' as const },
    ];
    expect(classCounts(overlaps)).toEqual({ barge_in: 1, backchannel: 2 });
    expect(classCounts(overlaps, new Map([[1000, 'false_cut_off' as const]]))).toEqual({ false_cut_off: 1, backchannel: 2 });
  });

  it('measures agreement: accuracy, Cohen\'s kappa and per-class precision and recall, on a worked example', () => {
    // 10 labels: 4 barge-ins all right, 4 backchannels of which 1 was really a false cut-off, 2 talk-overs of which 1 a barge-in
    const pairs: OverlapLabelPair[] = [
      ...Array.from({ length: 4 }, () => ({ automatic: 'barge_in' as const, confirmed: 'barge_in' as const })),
      ...Array.from({ length: 3 }, () => ({ automatic: 'backchannel' as const, confirmed: 'backchannel' as const })),
      { automatic: 'backchannel', confirmed: 'false_cut_off' },
      { automatic: 'agent_talk_over', confirmed: 'agent_talk_over' },
      { automatic: 'agent_talk_over', confirmed: 'barge_in' },
    ];
    const result = overlapAgreement(pairs);
    expect(result).toMatchObject({ n: 10, agree: 8, accuracy: 0.8 });
    // chance: automatic rates .4/.4/.2/0, confirmed .5/.3/.1/.1 -> .2 + .12 + .02 + 0 = .34
    expect(result.kappa).toBeCloseTo((0.8 - 0.34) / (1 - 0.34), 10);
    expect(result.per_class.barge_in).toEqual({ precision: 1, recall: 0.8, confirmed: 5, automatic: 4 });
    expect(result.per_class.false_cut_off).toEqual({ precision: null, recall: 0, confirmed: 1, automatic: 0 });
    expect(result.confusion.agent_talk_over.barge_in).toBe(1);
  });

  it('is 1 on full agreement, within [-1, 1] always, and accuracy is the diagonal share', () => {
    const cls = fc.constantFrom(...OVERLAP_CLASSES);
    fc.assert(
      fc.property(fc.array(fc.record({ automatic: cls, confirmed: cls }), { minLength: 1, maxLength: 60 }), (pairs) => {
        const result = overlapAgreement(pairs);
        expect(result.accuracy).toBeCloseTo(pairs.filter((p) => p.automatic === p.confirmed).length / pairs.length, 10);
        expect(result.kappa ?? 0).toBeGreaterThanOrEqual(-1 - 1e-9);
        expect(result.kappa ?? 0).toBeLessThanOrEqual(1 + 1e-9);
        expect(overlapAgreement(pairs.map((p) => ({ automatic: p.automatic, confirmed: p.automatic }))).kappa).toBe(1);
      }),
    );
  });

  it('has nothing to say without labels', () => {
    expect(overlapAgreement([])).toMatchObject({ n: 0, accuracy: null, kappa: null });
  });
});
