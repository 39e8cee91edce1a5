import type { ApiHandlers } from '../core/api/contract';
import type { NormalizedCall } from '../core/model/call';
import { loadConfig, type Config } from './config';
import { openDb, openReadOnlyDb, type Db } from './store/db';
import type { IngestResult, RawPayload } from './store/ingest';
import { ingestBatch, type BatchOutcome, type IngestJob } from './store/ingest-batch';
import { createIngestQueue } from './store/ingest-queue';
import { createEventBus, type EventBus } from './api/events';
import { createHandlers, type ListenerState } from './api/handlers';
import { createAnalysisService, type AnalysisService } from './audio/analysis-service';
import { audioWorkerPath } from './audio/worker-path';
import { createRunQueue, type RunQueue } from './evaluators/run-queue';
import { cancelInterruptedRuns } from './store/evaluation-runs';
import { noPathImports, type ImportAccess } from './import/import-access';
import { createStorageHealth, type StorageHealth } from './store/disk-full';

/**
 * The composed backend, free of Electron: store, API handlers, events and ingestion.
 * The desktop shell and `callscope serve` both build on this.
 */
export interface AppCore {
  config: Config;
  db: Db;
  events: EventBus;
  handlers: ApiHandlers;
  /** one call from the listener; resolves once committed (group commit with concurrent requests). */
  ingest(normalized: NormalizedCall, raw: RawPayload): Promise<IngestResult>;
  /** many calls at once (the importer): one transaction, each call in its own savepoint. */
  ingestMany(jobs: readonly IngestJob[]): BatchOutcome[];
  /** recording analysis (worker thread). */
  audio: AnalysisService;
  /** evaluation runs (LLM judges and rules). */
  evaluations: RunQueue;
  /** whether the data folder's disk takes writes (disk full: 507 and a banner). */
  storage: StorageHealth;
  setListenerState(state: ListenerState): void;
  /** a read-only connection of its own for a long read (close it when done). */
  openReader(): Db;
  close(): void;
}

/** What the importer and the other services need of the app. */
export type ImportTarget = Pick<AppCore, 'db' | 'config' | 'events' | 'ingestMany'> & { audio?: AnalysisService };

export interface OpenAppOptions {
  dataDir: string;
  nativeBinding?: string;
  /** where the importPaths method may read; by default nowhere (callers upload documents instead). */
  importAccess?: ImportAccess;
}

export function openApp({ dataDir, nativeBinding, importAccess = noPathImports }: OpenAppOptions): AppCore {
  const config = loadConfig(dataDir);
  const db = openDb(config.dbFile, nativeBinding ? { nativeBinding } : {});
  const events = createEventBus();
  let listener: ListenerState = { url: null, error: 'the listener has not started yet' };
  const announce = (outcomes: BatchOutcome[]) => {
    for (const change of ['created', 'merged'] as const) {
      const ids = outcomes.flatMap((o) => (o.ok && o.result.outcome === change ? [o.result.call.id] : []));
      if (ids.length > 0) events.emit('calls.changed', { ids, change });
    }
  };
  const storage = createStorageHealth({ dataDir, events });
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
  const services: ImportTarget = { config, db, events, ingestMany: (jobs) => ingestMany(jobs) };
  const audio = createAnalysisService(services, audioWorkerPath);
  services.audio = audio;
  const ingestMany = (jobs: readonly IngestJob[]) => {
    const outcomes = storedBatch(jobs);
    announce(outcomes);
    return outcomes;
  };
  const base = {
    config,
    db,
    events,
    ingest: (normalized, raw) => queue.submit({ normalized, raw }),
    ingestMany,
    audio,
    storage,
    openReader: () => openReadOnlyDb(config.dbFile, nativeBinding ? { nativeBinding } : {}),
    setListenerState(state: ListenerState) {
      listener = state;
    },
    close() {
      runs.cancelAll();
      void audio.close();
      db.close();
    },
  } satisfies Omit<AppCore, 'handlers' | 'evaluations'>;
  const runs = createRunQueue({ db, config, events });
  cancelInterruptedRuns(db, new Date().toISOString());
  const handlers = createHandlers({ app: base, listener: () => listener, runs, importAccess, storage });
  return { ...base, handlers, evaluations: runs };
}
