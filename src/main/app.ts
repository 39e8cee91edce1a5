import type { ApiHandlers } from '../core/api/contract';
import type { NormalizedCall } from '../core/model/call';
import { loadConfig, type Environment } from './config';
import { openDb, openReadOnlyDb, type Db } from './store/db';
import type { IngestResult, RawPayload } from './store/ingest';
import { ingestBatch, type BatchOutcome, type IngestJob } from './store/ingest-batch';
import { createIngestQueue } from './store/ingest-queue';
import { createEventBus } from './api/events';
import { createHandlers, type ListenerState } from './api/handlers';
import { createAnalysisService } from './audio/analysis-service';
import { audioWorkerPath } from './audio/worker-path';
import { createReadRunner, readWorkerPath } from './reads/read-runner';
import { createRunQueue, type RunQueue } from './evaluators/run-queue';
import { createWatcher, type Watcher } from './evaluators/watch';
import { cancelInterruptedRuns } from './store/evaluation-runs';
import { purgeOldTrash } from './media/delete-calls';
import { noPathImports, type ImportAccess } from './import/import-access';
import { createStorageHealth, type StorageHealth } from './store/disk-full';
import { configFileSealer, type SecretSealer } from './secret-sealer';
import type { ImportTarget } from './services';

/**
 * The composed backend, free of Electron: store, API handlers, events and ingestion.
 * The desktop shell and `callscope serve` both build on this.
 */
export interface AppCore extends ImportTarget {
  handlers: ApiHandlers;
  /** one call from the listener; resolves once committed (group commit with concurrent requests). */
  ingest(normalized: NormalizedCall, raw: RawPayload): Promise<IngestResult>;
  /** evaluation runs (LLM judges and rules). */
  evaluations: RunQueue;
  /** watch rules on arriving calls (after their commit). */
  watch: Watcher;
  /** whether the data folder's disk takes writes (disk full: 507 and a banner). */
  storage: StorageHealth;
  setListenerState(state: ListenerState): void;
  /** a read-only connection of its own for a long read (close it when done). */
  openReader(): Db;
  close(): void;
}

export interface OpenAppOptions {
  dataDir: string;
  nativeBinding?: string;
  /** where the importPaths method may read; by default nowhere (callers upload documents instead). */
  importAccess?: ImportAccess;
  /**
   * The environment the entry point read (API key, webhook and LLM settings, CALLSCOPE_VAD). The
   * entry points pass `process.env`; callers that pass none (tests, the bench) get it too.
   */
  env?: Environment;
  /** how the LLM key is sealed at rest: the desktop passes the OS keychain's; else config.json. */
  sealer?: SecretSealer;
}

/** Builds the services in dependency order: config, store and events; ingestion; audio; evaluation runs; the API. */
export function openApp({ dataDir, nativeBinding, importAccess = noPathImports, env = process.env, sealer = configFileSealer }: OpenAppOptions): AppCore {
  const config = loadConfig(dataDir, env);
  const db = openDb(config.dbFile, nativeBinding ? { nativeBinding } : {});
  // calls trashed more than 30 days ago go for good, files and all, before anything reads the store
  purgeOldTrash(db, config.dataDir);
  const events = createEventBus();
  const storage = createStorageHealth({ dataDir, events });

  const watch = createWatcher({ db, events });
  /** After a commit: the calls that came or changed are announced, then judged by the watch rules. */
  const announce = (outcomes: BatchOutcome[]) => {
    for (const change of ['created', 'merged'] as const) {
      const ids = outcomes.flatMap((o) => (o.ok && o.result.outcome === change ? [o.result.call.id] : []));
      if (ids.length > 0) events.emit('calls.changed', { ids, change });
    }
    watch.arrived(outcomes.flatMap((o) => (o.ok && o.result.outcome !== 'duplicate' ? [o.result] : [])));
  };
  /** A batch stored or refused tells whether the disk has room. */
  const watchStorage = (outcomes: BatchOutcome[]) => {
    let wrote = false;
    for (const outcome of outcomes) {
      if (outcome.ok) wrote = true;
      else storage.noteFailure(outcome.error);
    }
    if (wrote) storage.noteWrite();
  };
  const storedBatch = (jobs: readonly IngestJob[]): BatchOutcome[] => {
    try {
      const outcomes = ingestBatch(db, jobs);
      watchStorage(outcomes);
      return outcomes;
    } catch (error) {
      storage.noteFailure(error);
      throw error;
    }
  };
  const queue = createIngestQueue(storedBatch, announce);
  const ingestMany = (jobs: readonly IngestJob[]) => {
    const outcomes = storedBatch(jobs);
    announce(outcomes);
    return outcomes;
  };

  const audio = createAnalysisService({ config, db, events }, { path: audioWorkerPath, energyOnly: env.CALLSCOPE_VAD === 'energy' });
  const services: ImportTarget = { config, db, events, ingestMany, audio };
  const runs = createRunQueue({ db, config, env, sealer, events });
  cancelInterruptedRuns(db, new Date().toISOString());
  let listener: ListenerState = { url: null, error: 'the listener has not started yet' };
  // Compare and the Overview read off the main thread once the app is built (source under test: on it; Compare in turns)
  const readWorker = readWorkerPath();
  const readRunner = readWorker ? createReadRunner(readWorker, { dbFile: config.dbFile, ...(nativeBinding ? { nativeBinding } : {}) }) : null;
  const handlers = createHandlers({ app: services, env, sealer, listener: () => listener, runs, importAccess, storage, readRunner });
  return {
    ...services,
    handlers,
    ingest: (normalized, raw) => queue.submit({ normalized, raw }),
    evaluations: runs,
    watch,
    storage,
    openReader: () => openReadOnlyDb(config.dbFile, nativeBinding ? { nativeBinding } : {}),
    setListenerState(state) {
      listener = state;
    },
    close() {
      runs.cancelAll();
      watch.flush();
      void audio.close();
      void readRunner?.close();
      db.close();
    },
  };
}
