import { create } from 'zustand';

const SHOWN_KEY = 'callscope.evaluator-columns';

function readShown(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

interface EvaluatorsState {
  /** evaluators whose result columns the call list shows (kept across restarts). */
  shown: string[];
  /** whether the "Evaluate…" dialog is open (opened from the list's tools or the ticked calls' bar). */
  evaluating: boolean;
  setShown(ids: string[]): void;
  setEvaluating(open: boolean): void;
}

/** The UI choices around the evaluators (list columns, the Evaluate dialog; the page shown is pages/store.ts); the evaluators themselves are read in queries.ts, the ticked calls live in bulk/ticks.ts. */
export const useEvaluators = create<EvaluatorsState>((set) => ({
  shown: readShown(),
  evaluating: false,
  setShown(shown) {
    localStorage.setItem(SHOWN_KEY, JSON.stringify(shown));
    set({ shown });
  },
  setEvaluating: (evaluating) => set({ evaluating }),
}));

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
