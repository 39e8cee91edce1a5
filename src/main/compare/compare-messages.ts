import type { ApiParsedInput } from '../../core/api/contract';
import type { CompareResult } from '../../core/api/compare-contract';
import type { ErrorCode, FieldProblem } from '../../core/api/errors';

/** Messages between compareSets (main thread) and the compare worker. */

export interface CompareRequest {
  jobId: number;
  input: ApiParsedInput<'compareSets'>;
}

export type CompareResponse =
  | { jobId: number; ok: true; result: CompareResult }
  | { jobId: number; ok: false; code: ErrorCode; message: string; fields?: FieldProblem[] };

/** The worker's `workerData`: the store to read (its own read-only connection) and how to load SQLite. */
export interface CompareWorkerSettings {
  dbFile: string;
  nativeBinding?: string;
}
