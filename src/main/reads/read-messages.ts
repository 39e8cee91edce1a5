import type { ApiMethod, ApiOutputs, ApiParsedInput } from '../../core/api/contract';
import type { ErrorCode, FieldProblem } from '../../core/api/errors';

/** Messages between the main thread (read-runner.ts) and the read worker (read-worker.ts). */

/** The Overview's reads: one snapshot per (filter, period) kept in the worker, shared by all six. */
export const OVERVIEW_READS = [
  'getOverviewTiles',
  'getOverviewHistogram',
  'getOverviewSeries',
  'getOverviewEvaluatorSeries',
  'getOverviewEndReasons',
  'getOverviewAgents',
] as const satisfies readonly ApiMethod[];
export type OverviewRead = (typeof OVERVIEW_READS)[number];

/** The RPCs the read worker answers: each job names one, with its input as the contract parsed it. */
export type WorkerRead = 'compareSets' | OverviewRead;

export interface ReadJob<M extends WorkerRead = WorkerRead> {
  kind: 'read';
  jobId: number;
  method: M;
  input: ApiParsedInput<M>;
}

/** The calls changed ('calls.changed' on the main thread): the worker drops the Overview snapshots it keeps. */
export interface ForgetMessage {
  kind: 'forget';
}

export type ReadRequest = ReadJob | ForgetMessage;

/**
 * How a read failed: an ApiError keeps its code, message and fields; anything else its message, and
 * the main thread throws it as a plain Error so the transports treat it as they would inline (a 500).
 */
export type ReadFailure = { api: true; code: ErrorCode; message: string; fields?: FieldProblem[] } | { api: false; message: string };

export type ReadResponse<M extends WorkerRead = WorkerRead> =
  | { jobId: number; ok: true; result: ApiOutputs[M] }
  | { jobId: number; ok: false; failure: ReadFailure };

/** The worker's `workerData`: the store to read (its own read-only connection) and how to load SQLite. */
export interface ReadWorkerSettings {
  dbFile: string;
  nativeBinding?: string;
}
