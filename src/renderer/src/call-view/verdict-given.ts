import type { Verdict } from '../../../core/model/call';

/**
 * A verdict the analyst gave on the open call (a key or a button, not an Undo), once it is saved.
 * Features that follow the review (a review queue going on to the next call) listen here, so the
 * call view knows nothing of them.
 */
export interface VerdictGiven {
  callId: number;
  /** the verdict before: what an Undo puts back. */
  previous: Verdict | null;
  verdict: Verdict | null;
}

type Listener = (given: VerdictGiven) => void;
const listeners = new Set<Listener>();

export function onVerdictGiven(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceVerdict(given: VerdictGiven): void {
  for (const listener of listeners) listener(given);
}
