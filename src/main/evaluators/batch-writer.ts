import type { Db } from '../store/db';

/**
 * Group commit for evaluation writes: writes queued in one turn of the event loop share one
 * transaction (one fsync), so 3,000 instant rule results do not cost 3,000 syncs.
 */
export interface BatchWriter {
  write(fn: () => void): Promise<void>;
  /** resolves when everything queued so far is committed. */
  flush(): Promise<void>;
}

export function createBatchWriter(db: Db): BatchWriter {
  let pending: { fn: () => void; done: () => void; fail: (e: unknown) => void }[] = [];
  let scheduled = false;
  const commit = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    try {
      db.transaction(() => {
        for (const item of batch) item.fn();
      })();
      for (const item of batch) item.done();
    } catch (error) {
      for (const item of batch) item.fail(error);
    }
  };
  const write = (fn: () => void) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ fn, done: resolve, fail: reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(commit);
      }
    });
  return { write, flush: () => write(() => undefined) };
}
