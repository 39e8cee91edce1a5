import { OVERLAP_CLASSES, type OverlapClass } from '../../../core/metrics/overlap-verdicts';

/** The classes as a reviewer reads them, with the digit that sets each (issue 16). */
export const CLASS_NAMES: Record<OverlapClass, string> = {
  barge_in: 'barge-in',
  backchannel: 'backchannel',
  agent_talk_over: 'agent talk-over',
  false_cut_off: 'false cut-off',
};

export const CLASS_KEYS: ReadonlyMap<string, OverlapClass> = new Map(OVERLAP_CLASSES.map((c, i) => [String(i + 1), c]));

/** "2 barge-in · 1 agent talk-over" (a list cell, a summary); '' for none. */
export function countsText(counts: Partial<Record<OverlapClass, number>> | null | undefined): string {
  if (!counts) return '';
  return OVERLAP_CLASSES.filter((c) => (counts[c] ?? 0) > 0)
    .map((c) => `${counts[c]} ${CLASS_NAMES[c]}`)
    .join(' · ');
}
