import { OVERLAP_CLASSES, type OverlapClass, type OverlapVerdict } from './overlap-verdicts';

/**
 * A reviewer's check of the overlap classes (issue 16): the labels a reviewer confirmed or changed,
 * the call's overlaps counted by class (a confirmed label outweighs the automatic class), and how
 * well the automatic classes agree with the confirmed ones.
 */

export type OverlapClassCounts = Partial<Record<OverlapClass, number>>;

/** A label is keyed by the overlap's onset, rounded to the ms (the stored key). */
export const overlapKey = (atMs: number): number => Math.round(atMs);

export function classCounts(overlaps: readonly Pick<OverlapVerdict, 'at_ms' | 'class'>[], confirmed: ReadonlyMap<number, OverlapClass> = new Map()): OverlapClassCounts {
  const counts: OverlapClassCounts = {};
  for (const overlap of overlaps) {
    const shown = confirmed.get(overlapKey(overlap.at_ms)) ?? overlap.class;
    counts[shown] = (counts[shown] ?? 0) + 1;
  }
  return counts;
}

export interface OverlapLabelPair {
  automatic: OverlapClass;
  confirmed: OverlapClass;
}

export interface OverlapAgreement {
  n: number;
  agree: number;
  accuracy: number | null;
  /** Cohen's kappa over the four classes: agreement beyond what each side's own class rates give by chance. */
  kappa: number | null;
  /** per class, with the confirmed label as the truth. */
  per_class: Record<OverlapClass, { precision: number | null; recall: number | null; confirmed: number; automatic: number }>;
  /** confusion[automatic][confirmed] */
  confusion: Record<OverlapClass, Record<OverlapClass, number>>;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function overlapAgreement(pairs: readonly OverlapLabelPair[]): OverlapAgreement {
  const zeroRow = () => Object.fromEntries(OVERLAP_CLASSES.map((c) => [c, 0])) as Record<OverlapClass, number>;
  const confusion = Object.fromEntries(OVERLAP_CLASSES.map((c) => [c, zeroRow()])) as Record<OverlapClass, Record<OverlapClass, number>>;
  for (const pair of pairs) confusion[pair.automatic][pair.confirmed] += 1;
  const n = pairs.length;
  const agree = OVERLAP_CLASSES.reduce((sum, c) => sum + confusion[c][c], 0);
  const automaticOf = (c: OverlapClass) => OVERLAP_CLASSES.reduce((sum, d) => sum + confusion[c][d], 0);
  const confirmedOf = (c: OverlapClass) => OVERLAP_CLASSES.reduce((sum, d) => sum + confusion[d][c], 0);
  const observed = ratio(agree, n);
  const expected = n === 0 ? null : OVERLAP_CLASSES.reduce((sum, c) => sum + automaticOf(c) * confirmedOf(c), 0) / (n * n);
  let kappa: number | null = null;
  if (observed !== null && expected !== null) kappa = expected === 1 ? (observed === 1 ? 1 : 0) : (observed - expected) / (1 - expected);
  const perClass = Object.fromEntries(
    OVERLAP_CLASSES.map((c) => [c, { precision: ratio(confusion[c][c], automaticOf(c)), recall: ratio(confusion[c][c], confirmedOf(c)), confirmed: confirmedOf(c), automatic: automaticOf(c) }]),
  ) as OverlapAgreement['per_class'];
  return { n, agree, accuracy: observed, kappa, per_class: perClass, confusion };
}
