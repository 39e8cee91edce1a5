import { create } from 'zustand';

/** The Overview's own choices: the period (a preset, resolved when the queries run) and the histogram's scale. */
export type PeriodPreset = '24h' | '7d' | '30d' | '90d' | 'all';

export const PERIOD_PRESETS: readonly { preset: PeriodPreset; label: string; hours: number | null }[] = [
  { preset: '24h', label: 'Last 24 hours', hours: 24 },
  { preset: '7d', label: 'Last 7 days', hours: 7 * 24 },
  { preset: '30d', label: 'Last 30 days', hours: 30 * 24 },
  { preset: '90d', label: 'Last 90 days', hours: 90 * 24 },
  { preset: 'all', label: 'All time', hours: null },
];

interface OverviewState {
  preset: PeriodPreset;
  scale: 'linear' | 'log';
  setPreset(preset: PeriodPreset): void;
  setScale(scale: 'linear' | 'log'): void;
}

export const useOverview = create<OverviewState>((set) => ({
  preset: '30d',
  scale: 'linear',
  setPreset: (preset) => set({ preset }),
  setScale: (scale) => set({ scale }),
}));
