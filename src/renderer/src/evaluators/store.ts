import { create } from 'zustand';
import type { Evaluator } from '../../../core/evaluators/definition';
import type { EvaluatorTemplate } from '../../../core/evaluators/templates';
import { api } from '../api';

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
  evaluators: Evaluator[];
  templates: EvaluatorTemplate[];
  error: string | null;
  /** evaluators whose result columns the call list shows (kept across restarts). */
  shown: string[];
  /** calls ticked in the list for "Evaluate…". */
  checked: ReadonlySet<number>;
  setView(view: 'calls' | 'evaluators'): void;
  load(): Promise<void>;
  setShown(ids: string[]): void;
  toggleChecked(id: number): void;
  clearChecked(): void;
}

/** The evaluators, the templates, and the UI choices around them (page, list columns, ticked calls). */
export const useEvaluators = create<EvaluatorsState>((set, get) => ({
  view: 'calls',
  evaluators: [],
  templates: [],
  error: null,
  shown: readShown(),
  checked: new Set(),
  setView: (view) => set({ view }),
  async load() {
    try {
      const [evaluators, templates] = await Promise.all([api.listEvaluators({}), get().templates.length > 0 ? get().templates : api.listEvaluatorTemplates({})]);
      set({ evaluators, templates, error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
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
