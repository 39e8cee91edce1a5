import type { StorageStatus } from '../../core/api/types';
import { ApiError } from '../../core/api/errors';
import type { EventBus } from '../api/events';

/**
 * Disk full (issue 17): SQLite's SQLITE_FULL or the file system's ENOSPC is answered with 507 and
 * this message, logged at most once a minute (not a stack trace per request), shown in the UI as a
 * banner, and forgotten at the next write that succeeds: nothing is latched, so Callscope recovers
 * by itself once space is freed. What was acknowledged before stays stored (WAL, synchronous=FULL).
 */
export const DISK_FULL_MESSAGE = 'the disk holding the data folder is full';
const LOG_EVERY_MS = 60_000;

export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === 'SQLITE_FULL' || error.code === 'ENOSPC';
}

export function diskFullError(): ApiError {
  return new ApiError('insufficient_storage', `${DISK_FULL_MESSAGE}: nothing was stored; free some space and send it again`);
}

export interface StorageHealth {
  status(): StorageStatus;
  /** a write failed; returns whether it was for want of space (then it is counted and logged). */
  noteFailure(error: unknown): boolean;
  /** a write committed: the disk has room again. */
  noteWrite(): void;
}

export interface StorageHealthOptions {
  dataDir: string;
  events: EventBus;
  log?: (line: string) => void;
  now?: () => number;
}

export function createStorageHealth({ dataDir, events, log = (line) => console.error(line), now = Date.now }: StorageHealthOptions): StorageHealth {
  let since: number | null = null;
  let lastLogged = -Infinity;
  let refusedSinceLog = 0;
  // the queue and the HTTP error handler may both see one failed write: count it once
  const seen = new WeakSet<object>();
  const status = (): StorageStatus =>
    since === null
      ? { disk_full: false, since: null, message: null }
      : { disk_full: true, since: new Date(since).toISOString(), message: `${DISK_FULL_MESSAGE} (${dataDir}): new calls are refused until space is freed` };

  return {
    status,
    noteFailure(error) {
      if (!isDiskFull(error)) return false;
      if (typeof error === 'object' && error !== null) {
        if (seen.has(error)) return true;
        seen.add(error);
      }
      const at = now();
      refusedSinceLog++;
      if (since === null) {
        since = at;
        events.emit('storage.changed', status());
      }
      if (at - lastLogged >= LOG_EVERY_MS) {
        log(`callscope: ${DISK_FULL_MESSAGE} (${dataDir}); answering 507 until space is freed (${refusedSinceLog} write(s) refused since the last message)`);
        lastLogged = at;
        refusedSinceLog = 0;
      }
      return true;
    },
    noteWrite() {
      if (since === null) return;
      since = null;
      lastLogged = -Infinity;
      refusedSinceLog = 0;
      log('callscope: the data folder takes writes again');
      events.emit('storage.changed', status());
    },
  };
}
