import type { OverlapClass } from '../../../core/metrics/overlap-verdicts';
import type { CallMetrics } from '../../../core/present/metrics-api';
import { api } from '../api';
import { toast } from '../shared/toast';
import { CLASS_NAMES } from './classes';

export type Overlap = CallMetrics['overlaps'][number];

/** Stores a reviewer's class for an overlap and says so, with Undo back to the label it had. */
export function labelOverlap(callId: number, overlap: Overlap, label: OverlapClass): void {
  const previous = overlap.confirmed_class;
  const write = (value: OverlapClass | null) => api.labelOverlap({ id: callId, at_ms: overlap.at_ms, class: value });
  write(label).then(
    () =>
      toast(label === overlap.class ? `Confirmed: ${CLASS_NAMES[label]}.` : `Labelled ${CLASS_NAMES[label]} (was given ${CLASS_NAMES[overlap.class]}).`, {
        label: 'Undo',
        run: () => void write(previous),
      }),
    (error: unknown) => toast(`Could not store the label: ${error instanceof Error ? error.message : String(error)}`),
  );
}
