import { create } from 'zustand';

/**
 * What the Compare page compares: each set is typed filter text, the Calls list's current filter,
 * or a saved view. Kept while the user goes to the Calls list and back.
 */
export type SetSource = { kind: 'text'; text: string } | { kind: 'list' } | { kind: 'view'; id: number | null };

interface CompareState {
  a: SetSource;
  b: SetSource;
  setSource(side: 'a' | 'b', source: SetSource): void;
}

export const useCompare = create<CompareState>((set) => ({
  a: { kind: 'text', text: '' },
  b: { kind: 'text', text: '' },
  setSource: (side, source) => set(side === 'a' ? { a: source } : { b: source }),
}));
