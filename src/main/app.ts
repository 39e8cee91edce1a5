import type { ApiHandlers } from '../core/api/contract';
import type { NormalizedCall } from '../core/model/call';
import { loadConfig, type Config } from './config';
import { openDb, type Db } from './store/db';
import { ingestCall, type IngestResult, type RawPayload } from './store/ingest';
import { createEventBus, type EventBus } from './api/events';
import { createHandlers, type ListenerState } from './api/handlers';

/**
 * The composed backend, free of Electron: store, API handlers, events and ingestion.
 * The desktop shell and `callscope serve` both build on this.
 */
export interface AppCore {
  config: Config;
  db: Db;
  events: EventBus;
  handlers: ApiHandlers;
  ingest(normalized: NormalizedCall, raw: RawPayload): IngestResult;
  setListenerState(state: ListenerState): void;
  close(): void;
}

export interface OpenAppOptions {
  dataDir: string;
  nativeBinding?: string;
}

export function openApp({ dataDir, nativeBinding }: OpenAppOptions): AppCore {
  const config = loadConfig(dataDir);
  const db = openDb(config.dbFile, nativeBinding ? { nativeBinding } : {});
  const events = createEventBus();
  let listener: ListenerState = { url: null, error: 'the listener has not started yet' };
  const handlers = createHandlers({ db, events, apiKey: config.apiKey, listener: () => listener });
  return {
    config,
    db,
    events,
    handlers,
    ingest(normalized, raw) {
      const result = ingestCall(db, normalized, raw);
      if (result.outcome !== 'duplicate') {
        events.emit('calls.changed', { ids: [result.call.id], change: result.outcome });
      }
      return result;
    },
    setListenerState(state) {
      listener = state;
    },
    close() {
      db.close();
    },
  };
}
