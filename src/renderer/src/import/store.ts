import { create } from 'zustand';
import type { ImportProgress, ImportSummary } from '../../../core/api/types';

/** The import shown in the import panel: its live progress, then its summary. */
interface ImportState {
  importId: string | null;
  running: boolean;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  start(importId: string, filesTotal: number, bytesTotal: number): void;
  update(importId: string, progress: ImportProgress): void;
  finish(importId: string, summary: ImportSummary): void;
  dismiss(): void;
}

export const useImport = create<ImportState>((set, get) => ({
  importId: null,
  running: false,
  progress: null,
  summary: null,
  start: (importId, filesTotal, bytesTotal) =>
    set({
      importId,
      running: true,
      summary: null,
      progress: { files_done: 0, files_total: filesTotal, bytes_done: 0, bytes_total: bytesTotal, imported: 0, merged: 0, duplicates: 0, failed: 0, current: null },
    }),
  update: (importId, progress) => {
    // An import started elsewhere (the File menu) takes over the panel.
    if (get().importId !== importId) set({ importId, running: true, summary: null });
    set({ progress });
  },
  finish: (importId, summary) => {
    if (get().importId === importId || get().importId === null) set({ importId, running: false, summary });
  },
  dismiss: () => set({ importId: null, running: false, progress: null, summary: null }),
}));

export function newImportId(): string {
  return `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
