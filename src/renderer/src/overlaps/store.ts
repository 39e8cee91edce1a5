import { create } from 'zustand';

/** The overlap a reviewer is on (its onset, ms): `o` moves to the next, `c` / 1-4 label it. */
export const useOverlapSelection = create<{ selectedAt: number | null; select(atMs: number | null): void }>((set) => ({
  selectedAt: null,
  select: (selectedAt) => set({ selectedAt }),
}));
