import { create } from 'zustand';
import { api } from '../api';

/** Settings the UI itself uses (loaded once, updated when the Settings dialog saves). */
interface AppSettings {
  slowReplyMs: number;
  load(): Promise<void>;
  setSlowReplyMs(ms: number): void;
}

export const useAppSettings = create<AppSettings>((set) => ({
  slowReplyMs: 2000,
  async load() {
    try {
      const settings = await api.getSettings({});
      set({ slowReplyMs: settings.slow_reply_ms });
    } catch {
      // keep the defaults: the list still works without them
    }
  },
  setSlowReplyMs: (slowReplyMs) => set({ slowReplyMs }),
}));
