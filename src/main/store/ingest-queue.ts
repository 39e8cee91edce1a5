import type { IngestResult } from './ingest';
import type { BatchOutcome, IngestJob } from './ingest-batch';

/**
 * Group commit for the listener: requests that arrive while the event loop is busy are written
 * in one transaction, and each request is answered only after that transaction committed
 * (synchronous=FULL), so a 2xx still means "on disk" while many clients share one fsync.
 */
export interface IngestQueue {
  submit(job: IngestJob): Promise<IngestResult>;
}

interface Waiting {
  job: IngestJob;
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

/** `store` is `ingestBatch` on the app's database (wrapped to watch for a full disk). */
export function createIngestQueue(store: (jobs: IngestJob[]) => BatchOutcome[], onCommitted: (outcomes: BatchOutcome[]) => void, maxBatch = 512): IngestQueue {
  let waiting: Waiting[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(maxBatch);
    if (waiting.length > 0) schedule();
    let outcomes: BatchOutcome[];
    try {
      outcomes = store(batch.map((w) => w.job));
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is stored.
      for (const w of batch) w.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const w = batch[i];
      if (!w) return;
      if (outcome.ok) w.resolve(outcome.result);
      else w.reject(outcome.error);
    });
    onCommitted(outcomes);
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    submit(job) {
      return new Promise<IngestResult>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        schedule();
      });
    },
  };
}
