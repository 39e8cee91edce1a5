import { create } from 'zustand';

/** How long a message stays up: long enough to read a short sentence. */
export const TOAST_MS = 3500;

interface ToastState {
  message: string | null;
  /** bumps on every message, so the same text shown twice restarts its timer. */
  serial: number;
  show(message: string): void;
  dismiss(): void;
}

/** One short message at a time ("This is the last call in the list"): a key that cannot act says why. */
export const useToast = create<ToastState>((set) => ({
  message: null,
  serial: 0,
  show: (message) => set((state) => ({ message, serial: state.serial + 1 })),
  dismiss: () => set({ message: null }),
}));

export const toast = (message: string): void => useToast.getState().show(message);
