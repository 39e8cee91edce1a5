import type { NormalizedCall } from '../../core/model/call';
import type { Db } from './db';
import { ingestCall, type IngestResult, type RawPayload } from './ingest';

export interface IngestJob {
  normalized: NormalizedCall;
  raw: RawPayload;
}

export type BatchOutcome = { ok: true; result: IngestResult } | { ok: false; error: unknown };

/**
 * Stores many calls in one transaction (one fsync), each in its own savepoint so that one bad
 * call is rolled back alone and the others still commit.
 */
export function ingestBatch(db: Db, jobs: readonly IngestJob[]): BatchOutcome[] {
  const outcomes: BatchOutcome[] = [];
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const job of jobs) {
      try {
        outcomes.push({ ok: true, result: ingestCall(db, job.normalized, job.raw, now) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
  }).immediate();
  return outcomes;
}
