import { ApiError } from '../../core/api/errors';
import type { ImportHandlers } from '../../core/api/contract';
import type { ImportSummary } from '../../core/api/types';
import type { ImportTarget } from '../services';
import { importPaths } from '../import/import-files';
import { importText } from '../import/import-text';
import { checkImportPaths, type ImportAccess } from '../import/import-access';

/**
 * Import jobs run in main; their progress reaches every window as `import.progress` events and
 * their end as `import.finished`, so an import started from the File menu shows in the UI too.
 * `importPaths` reads only where `access` allows (see import-access.ts).
 */
export function createImportJobs(app: ImportTarget, access: ImportAccess): ImportHandlers {
  const running = new Map<string, AbortController>();

  const finish = (importId: string, summary: ImportSummary): ImportSummary => {
    running.delete(importId);
    app.events.emit('import.finished', { ...summary, import_id: importId });
    return summary;
  };

  return {
    async importPaths({ import_id: importId, paths }) {
      await checkImportPaths(access, paths);
      if (running.has(importId)) throw new ApiError('invalid_payload', `import ${importId} is already running`, [{ path: 'import_id', message: 'in use' }]);
      const controller = new AbortController();
      running.set(importId, controller);
      try {
        const summary = await importPaths(app, paths, {
          signal: controller.signal,
          access,
          onProgress: (progress) => app.events.emit('import.progress', { ...progress, import_id: importId }),
        });
        return finish(importId, summary);
      } finally {
        running.delete(importId);
      }
    },
    importDocument({ name, text }) {
      return importText(app, name, text);
    },
    cancelImport({ import_id: importId }) {
      running.get(importId)?.abort();
      return { cancelled: running.has(importId) };
    },
  };
}
