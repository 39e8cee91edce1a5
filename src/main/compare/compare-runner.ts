import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiParsedInput } from '../../core/api/contract';
import type { CompareResult } from '../../core/api/compare-contract';
import { ApiError } from '../../core/api/errors';
import type { CompareRequest, CompareResponse, CompareWorkerSettings } from './compare-messages';

/** Runs compareSets in the compare worker (compare-worker.ts). */
export interface CompareRunner {
  run(input: ApiParsedInput<'compareSets'>): Promise<CompareResult>;
  close(): Promise<void>;
}

/**
 * The built worker beside the running bundle (`out/main/compare-worker.js`; a chunk sits one folder
 * down), or null. Only beside the bundle: source run by the tests compares on its own thread rather
 * than in a worker built from older source.
 */
export function compareWorkerPath(dir = __dirname): string | null {
  return [join(dir, 'compare-worker.js'), join(dir, '..', 'compare-worker.js')].find((path) => existsSync(path)) ?? null;
}

/** One worker, started at the first comparison and kept (idle, it holds no event loop open). */
export function createCompareRunner(workerPath: string, settings: CompareWorkerSettings): CompareRunner {
  let worker: Worker | null = null;
  let nextJob = 1;
  const waiting = new Map<number, { resolve(result: CompareResult): void; reject(error: Error): void }>();

  function ensureWorker(): Worker {
    if (worker) return worker;
    const started = new Worker(workerPath, { workerData: settings });
    started.on('message', (response: CompareResponse) => {
      const job = waiting.get(response.jobId);
      waiting.delete(response.jobId);
      if (waiting.size === 0) started.unref();
      if (!job) return;
      if (response.ok) job.resolve(response.result);
      else job.reject(new ApiError(response.code, response.message, response.fields));
    });
    started.on('error', (error) => {
      for (const job of waiting.values()) job.reject(new ApiError('internal', `the compare worker failed: ${error.message}`));
      waiting.clear();
      worker = null;
    });
    worker = started;
    return started;
  }

  return {
    run: (input) =>
      new Promise<CompareResult>((resolve, reject) => {
        const jobId = nextJob++;
        waiting.set(jobId, { resolve, reject });
        const running = ensureWorker();
        // while a comparison runs, the worker keeps the process alive; idle, it does not
        running.ref();
        running.postMessage({ jobId, input } satisfies CompareRequest);
      }),
    close: async () => {
      await worker?.terminate();
      worker = null;
    },
  };
}
