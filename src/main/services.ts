import type { Config } from './config';
import type { Db } from './store/db';
import type { EventBus } from './api/events';
import type { BatchOutcome, IngestJob } from './store/ingest-batch';

/**
 * The services the composition root (app.ts) builds and hands to one another, as types only: the
 * importer, the audio service and the handlers depend on this leaf module, never on app.ts.
 */

/** What every service reads: settings, the store and the event bus. */
export interface StoreServices {
  config: Config;
  db: Db;
  events: EventBus;
}

/** Recording analysis in a worker thread (audio/analysis-service.ts). */
export interface AnalysisService {
  /** queues a call's recording; resolves when its analysis ended (done or failed). */
  analyse(callId: number, options?: { fetchRemote?: boolean }): Promise<void>;
  /** picks up analyses a previous run left unfinished. */
  resume(): void;
  close(): Promise<void>;
}

/** What the importer needs: the store, batched ingestion, and the analysis of the recordings it attaches. */
export interface ImportTarget extends StoreServices {
  /** many calls at once: one transaction, each call in its own savepoint. */
  ingestMany(jobs: readonly IngestJob[]): BatchOutcome[];
  audio: AnalysisService;
}
