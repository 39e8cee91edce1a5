import { create } from 'zustand';
import type { CompareResult } from '../../../core/api/compare-contract';

/**
 * What the Compare page compares: each set is typed filter text, the Calls list's current filter,
 * or a saved view, and the last comparison: kept while the user goes to the Calls list ("Show the
 * calls") and back.
 */
export type SetSource = { kind: 'text'; text: string } | { kind: 'list' } | { kind: 'view'; id: number | null };

interface CompareState {
  a: SetSource;
  b: SetSource;
  result: CompareResult | null;
  setSource(side: 'a' | 'b', source: SetSource): void;
  setResult(result: CompareResult): void;
}

export const useCompare = create<CompareState>((set) => ({
  a: { kind: 'text', text: '' },
  b: { kind: 'text', text: '' },
  result: null,
  setSource: (side, source) => set(side === 'a' ? { a: source } : { b: source }),
  setResult: (result) => set({ result }),
}));
