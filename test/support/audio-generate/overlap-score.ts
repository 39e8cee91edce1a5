import { OVERLAP_CLASSES, type OverlapClass, type OverlapVerdict } from '../../../src/core/metrics/overlap-verdicts';
import { nearestRank } from '../../../src/core/metrics/percentile';
import type { OverlapTruth } from './overlap-classes';

/** A detected overlap counts for a true one when their onsets are this close (the nearest wins). */
export const MATCH_WINDOW_MS = 300;

/** Detected overlaps matched to the truth, one to one. */
export interface OverlapTally {
  /** confusion[truth][detected]: counts of matched overlaps. */
  confusion: Record<OverlapClass, Record<OverlapClass, number>>;
  /** true overlaps with no detected one within the window, per class. */
  missed: Record<OverlapClass, number>;
  /** detected overlaps matching no true one, per detected class. */
  spurious: Record<OverlapClass, number>;
  /** |detected yield - true yield| where both have one (a matched barge_in or false_cut_off). */
  yieldErrors: number[];
  /** the worst mismatches, for reading: truth and what was detected. */
  mistakes: string[];
}

const perClass = (): Record<OverlapClass, number> => ({ barge_in: 0, backchannel: 0, agent_talk_over: 0, false_cut_off: 0 });

export function emptyOverlapTally(): OverlapTally {
  return {
    confusion: { barge_in: perClass(), backchannel: perClass(), agent_talk_over: perClass(), false_cut_off: perClass() },
    missed: perClass(),
    spurious: perClass(),
    yieldErrors: [],
    mistakes: [],
  };
}

/**
 * Greedy nearest matching: all (truth, detected) pairs within the window, closest first, each
 * side used once. With overlaps seconds apart the nearest is never ambiguous.
 */
export function tallyOverlaps(tally: OverlapTally, truth: readonly OverlapTruth[], detected: readonly OverlapVerdict[], label = ''): void {
  const pairs: { t: number; d: number; distance: number }[] = [];
  truth.forEach((true_, t) => {
    detected.forEach((found, d) => {
      const distance = Math.abs(found.at_ms - true_.at_ms);
      if (distance <= MATCH_WINDOW_MS) pairs.push({ t, d, distance });
    });
  });
  pairs.sort((a, b) => a.distance - b.distance);
  const usedTruth = new Set<number>();
  const usedDetected = new Set<number>();
  for (const pair of pairs) {
    if (usedTruth.has(pair.t) || usedDetected.has(pair.d)) continue;
    usedTruth.add(pair.t);
    usedDetected.add(pair.d);
    const true_ = truth[pair.t];
    const found = detected[pair.d];
    if (!true_ || !found) continue;
    tally.confusion[true_.class][found.class]++;
    if (true_.class !== found.class) tally.mistakes.push(`${label}${true_.class} at ${Math.round(true_.at_ms)} ms read as ${found.class}: ${found.evidence}`);
    if (true_.yield_ms !== null && found.yield_ms !== null) tally.yieldErrors.push(Math.abs(found.yield_ms - true_.yield_ms));
  }
  truth.forEach((true_, t) => {
    if (usedTruth.has(t)) return;
    tally.missed[true_.class]++;
    tally.mistakes.push(`${label}${true_.class} at ${Math.round(true_.at_ms)} ms: no overlap detected`);
  });
  detected.forEach((found, d) => {
    if (usedDetected.has(d)) return;
    tally.spurious[found.class]++;
    tally.mistakes.push(`${label}spurious ${found.class} at ${Math.round(found.at_ms)} ms: ${found.evidence}`);
  });
}

export function mergeTallies(into: OverlapTally, from: OverlapTally): void {
  for (const t of OVERLAP_CLASSES) {
    for (const d of OVERLAP_CLASSES) into.confusion[t][d] += from.confusion[t][d];
    into.missed[t] += from.missed[t];
    into.spurious[t] += from.spurious[t];
  }
  into.yieldErrors.push(...from.yieldErrors);
  into.mistakes.push(...from.mistakes);
}

export interface OverlapFigures {
  /** true overlaps (matched or missed). */
  overlaps: number;
  /** correct class over all true overlaps: a missed one counts as wrong. */
  accuracy: number;
  precision: Record<OverlapClass, number>;
  recall: Record<OverlapClass, number>;
  missed: number;
  spurious: number;
  yieldErrorMedian: number;
  yieldErrorP95: number;
  yields: number;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? NaN : part / whole);

/**
 * Precision of a class: detections of it that are right, over all detections of it (spurious ones
 * included); recall: true overlaps of it found as it, over all true ones (missed ones included).
 */
export function overlapFigures(tally: OverlapTally): OverlapFigures {
  const sum = (values: Record<OverlapClass, number>): number => OVERLAP_CLASSES.reduce((total, c) => total + values[c], 0);
  const precision = perClass();
  const recall = perClass();
  let correct = 0;
  let overlaps = 0;
  for (const c of OVERLAP_CLASSES) {
    const detectedAs = OVERLAP_CLASSES.reduce((total, t) => total + tally.confusion[t][c], 0) + tally.spurious[c];
    const trueOnes = sum(tally.confusion[c]) + tally.missed[c];
    precision[c] = ratio(tally.confusion[c][c], detectedAs);
    recall[c] = ratio(tally.confusion[c][c], trueOnes);
    correct += tally.confusion[c][c];
    overlaps += trueOnes;
  }
  const errors = tally.yieldErrors;
  return {
    overlaps,
    accuracy: ratio(correct, overlaps),
    precision,
    recall,
    missed: sum(tally.missed),
    spurious: sum(tally.spurious),
    yieldErrorMedian: nearestRank(errors, 0.5) ?? NaN,
    yieldErrorP95: nearestRank(errors, 0.95) ?? NaN,
    yields: errors.length,
  };
}

/** The confusion matrix and figures as text lines (rows: truth; columns: detected). */
export function overlapTable(tally: OverlapTally): string[] {
  const figures = overlapFigures(tally);
  const short: Record<OverlapClass, string> = { barge_in: 'barge_in', backchannel: 'backchan', agent_talk_over: 'talk_over', false_cut_off: 'false_cut' };
  const cell = (value: string): string => value.padStart(10);
  const fixed = (value: number, digits: number): string => (Number.isNaN(value) ? '-' : value.toFixed(digits));
  const lines = [`${'truth \\ detected'.padEnd(18)}${OVERLAP_CLASSES.map((c) => cell(short[c])).join('')}${cell('missed')}${cell('recall')}`];
  for (const t of OVERLAP_CLASSES) {
    lines.push(`${t.padEnd(18)}${OVERLAP_CLASSES.map((d) => cell(String(tally.confusion[t][d]))).join('')}${cell(String(tally.missed[t]))}${cell(fixed(figures.recall[t], 3))}`);
  }
  lines.push(`${'spurious'.padEnd(18)}${OVERLAP_CLASSES.map((d) => cell(String(tally.spurious[d]))).join('')}`);
  lines.push(`${'precision'.padEnd(18)}${OVERLAP_CLASSES.map((d) => cell(fixed(figures.precision[d], 3))).join('')}`);
  lines.push(
    `accuracy ${fixed(figures.accuracy, 3)} over ${figures.overlaps} overlaps; missed ${figures.missed}, spurious ${figures.spurious}; ` +
      `yield error median ${fixed(figures.yieldErrorMedian, 1)} ms, p95 ${fixed(figures.yieldErrorP95, 1)} ms (${figures.yields} yields)`,
  );
  return lines;
}
