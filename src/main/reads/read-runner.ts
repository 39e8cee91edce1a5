import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiOutputs, ApiParsedInput } from '../../core/api/contract';
import { ApiError } from '../../core/api/errors';
import type { ReadFailure, ReadJob, ReadRequest, ReadResponse, ReadWorkerSettings, WorkerRead } from './read-messages';

/** Runs the heavy reads (compareSets, the Overview's six) in the read worker (read-worker.ts). */
export interface ReadRunner {
  run<M extends WorkerRead>(method: M, input: ApiParsedInput<M>): Promise<ApiOutputs[M]>;
  /** the calls changed: the worker forgets the Overview snapshots it keeps (reads asked after see the change). */
  forget(): void;
  close(): Promise<void>;
}

/**
 * The built worker beside the running bundle (`out/main/read-worker.js`; a chunk sits one folder
 * down), or null. Only beside the bundle: source run by the tests reads on its own thread rather
 * than in a worker built from older source.
 */
export function readWorkerPath(dir = __dirname): string | null {
  return [join(dir, 'read-worker.js'), join(dir, '..', 'read-worker.js')].find((path) => existsSync(path)) ?? null;
}

function errorOf(failure: ReadFailure): Error {
  return failure.api ? new ApiError(failure.code, failure.message, failure.fields) : new Error(failure.message);
}

/**
 * A job waiting for its answer. `settle` is a method so that a job's own `ReadResponse<M>` handler
 * fits the map of all jobs (method parameters are compared both ways); the worker answers each
 * jobId with the result of the method that job named.
 */
interface Waiting {
  settle(response: ReadResponse): void;
  fail(error: Error): void;
}

/** One worker, started at the first read and kept (idle, it holds no event loop open). */
export function createReadRunner(workerPath: string, settings: ReadWorkerSettings): ReadRunner {
  let worker: Worker | null = null;
  let nextJob = 1;
  const waiting = new Map<number, Waiting>();

  function ensureWorker(): Worker {
    if (worker) return worker;
    const started = new Worker(workerPath, { workerData: settings });
    started.on('message', (response: ReadResponse) => {
      const job = waiting.get(response.jobId);
      waiting.delete(response.jobId);
      if (waiting.size === 0) started.unref();
      job?.settle(response);
    });
    started.on('error', (error) => {
      for (const job of waiting.values()) job.fail(new ApiError('internal', `the read worker failed: ${error.message}`));
      waiting.clear();
      worker = null;
    });
    worker = started;
    return started;
  }

  return {
    run: <M extends WorkerRead>(method: M, input: ApiParsedInput<M>) =>
      new Promise<ApiOutputs[M]>((resolve, reject) => {
        const jobId = nextJob++;
        const job: { settle(response: ReadResponse<M>): void; fail(error: Error): void } = {
          settle: (response) => (response.ok ? resolve(response.result) : reject(errorOf(response.failure))),
          fail: reject,
        };
        waiting.set(jobId, job);
        const running = ensureWorker();
        // while a read runs, the worker keeps the process alive; idle, it does not
        running.ref();
        const request: ReadJob<M> = { kind: 'read', jobId, method, input };
        running.postMessage(request);
      }),
    forget: () => {
      // a worker not started yet keeps nothing; messages are handled in order, so reads asked after this see the change
      worker?.postMessage({ kind: 'forget' } satisfies ReadRequest);
    },
    close: async () => {
      await worker?.terminate();
      worker = null;
    },
  };
}
