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
  /** which screen the main area shows: the calls, or the Evaluators page. */
  view: 'calls' | 'evaluators';
  /** evaluators whose result columns the call list shows (kept across restarts). */
  shown: string[];
  /** calls ticked in the list for "Evaluate…". */
  checked: ReadonlySet<number>;
  setView(view: 'calls' | 'evaluators'): void;
  setShown(ids: string[]): void;
  toggleChecked(id: number): void;
  clearChecked(): void;
}

/** The UI choices around the evaluators (page, list columns, ticked calls); the evaluators themselves are read in queries.ts. */
export const useEvaluators = create<EvaluatorsState>((set, get) => ({
  view: 'calls',
  shown: readShown(),
  checked: new Set(),
  setView: (view) => set({ view }),
  setShown(shown) {
    localStorage.setItem(SHOWN_KEY, JSON.stringify(shown));
    set({ shown });
  },
  toggleChecked(id) {
    const checked = new Set(get().checked);
    if (checked.has(id)) checked.delete(id);
    else checked.add(id);
    set({ checked });
  },
  clearChecked: () => set({ checked: new Set() }),
}));

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
