import { parentPort, workerData } from 'node:worker_threads';
import type { ApiHandlers } from '../../core/api/contract';
import { ApiError } from '../../core/api/errors';
import { openReadOnlyDb, type Db } from '../store/db';
import { createOverview, type Overview } from '../store/overview';
import { compareOnStore } from '../api/compare-handlers';
import { overviewReads } from '../api/overview-handlers';
import type { ReadFailure, ReadJob, ReadRequest, ReadResponse, ReadWorkerSettings, WorkerRead } from './read-messages';

/**
 * The read worker: the heavy reads run here, on a read-only connection of its own, so the app's
 * main thread (the listener, the UI's API) never waits on them. Compare: reading both sets (a few
 * hundred ms at 10k calls a side) and the bootstrap (about a second). The Overview: a refresh reads
 * the period's calls once into a snapshot (seconds at a million calls), kept here until the main
 * thread says the calls changed.
 */
const settings: ReadWorkerSettings = workerData;
let store: { db: Db; overview: Overview; reads: Pick<ApiHandlers, WorkerRead> } | null = null;

function open(): NonNullable<typeof store> {
  if (store) return store;
  const db = openReadOnlyDb(settings.dbFile, settings.nativeBinding ? { nativeBinding: settings.nativeBinding } : {});
  const overview = createOverview(db);
  store = { db, overview, reads: { compareSets: (input) => compareOnStore(db, input, { yieldBetween: false }), ...overviewReads(overview) } };
  return store;
}

function failureOf(error: unknown): ReadFailure {
  if (error instanceof ApiError) return { api: true, code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  return { api: false, message: error instanceof Error ? error.message : String(error) };
}

async function answer<M extends WorkerRead>(job: ReadJob<M>): Promise<ReadResponse<M>> {
  try {
    const read: Pick<ApiHandlers, WorkerRead>[M] = open().reads[job.method];
    return { jobId: job.jobId, ok: true, result: await read(job.input) };
  } catch (error) {
    return { jobId: job.jobId, ok: false, failure: failureOf(error) };
  }
}

parentPort?.on('message', (request: ReadRequest) => {
  if (request.kind === 'forget') {
    store?.overview.forget();
    return;
  }
  void answer(request).then((response) => parentPort?.postMessage(response));
});
