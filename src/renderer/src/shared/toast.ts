import { create } from 'zustand';

/** How long a message stays up: long enough to read a short sentence. */
export const TOAST_MS = 3500;
/** A message with an action (Undo) stays longer: time to notice the mistake and reach the button. */
export const ACTION_TOAST_MS = 10_000;

/** What a message offers to do ("Undo"): run once, then the message goes. */
export interface ToastAction {
  label: string;
  run(): void;
}

interface ToastState {
  message: string | null;
  action: ToastAction | null;
  /** bumps on every message, so the same text shown twice restarts its timer. */
  serial: number;
  show(message: string, action?: ToastAction): void;
  dismiss(): void;
}

/**
 * One short message at a time ("This is the last call in the list"): a key that cannot act says
 * why, and a change to many calls says what it did, with Undo. A newer message replaces the older
 * one (and its Undo).
 */
export const useToast = create<ToastState>((set) => ({
  message: null,
  action: null,
  serial: 0,
  show: (message, action) => set((state) => ({ message, action: action ?? null, serial: state.serial + 1 })),
  dismiss: () => set({ message: null, action: null }),
}));

export const toast = (message: string, action?: ToastAction): void => useToast.getState().show(message, action);
