import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../core/api/errors';
import { openReadOnlyDb, type Db } from '../store/db';
import { compareOnStore } from '../api/compare-handlers';
import type { CompareRequest, CompareResponse, CompareWorkerSettings } from './compare-messages';

/**
 * The compare worker: reading both sets (a few hundred ms at 10k calls a side) and the bootstrap
 * (about a second) run here, on a read-only connection of its own, so the app's main thread (the
 * listener, the UI's API) never waits on a comparison.
 */
const settings: CompareWorkerSettings = workerData;
let db: Db | null = null;

parentPort?.on('message', (request: CompareRequest) => {
  void (async (): Promise<CompareResponse> => {
    try {
      db ??= openReadOnlyDb(settings.dbFile, settings.nativeBinding ? { nativeBinding: settings.nativeBinding } : {});
      return { jobId: request.jobId, ok: true, result: await compareOnStore(db, request.input, { yieldBetween: false }) };
    } catch (error) {
      if (error instanceof ApiError) return { jobId: request.jobId, ok: false, code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
      return { jobId: request.jobId, ok: false, code: 'internal', message: `the comparison failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  })().then((response) => parentPort?.postMessage(response));
});
