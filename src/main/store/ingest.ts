import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { NormalizedCall, StoredCall } from '../../core/model/call';
import type { Db } from './db';
import { findCallIdByIdentity, getCall, insertCall, mergeCallFacts, setTurnCount, shortIdTaken } from './calls';
import { deleteTurns, insertTurns } from './turns';
import { hasPayload, insertPayload } from './payloads';
import { deriveMetrics, initialFigures } from './derive-metrics';
import { transcriptTimingMetrics } from '../../core/metrics/compute';
import { capTurn } from '../../core/model/turn-size';

export interface RawPayload {
  body: Buffer;
  content_type: string;
  route: string;
}

export type IngestOutcome = 'created' | 'merged' | 'duplicate';

export interface IngestResult {
  outcome: IngestOutcome;
  call: StoredCall;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// Random bytes drawn 4 KiB at a time: one system call per ~680 short ids instead of one each.
let randomPool = Buffer.alloc(0);
function randomChunk(size: number): Buffer {
  if (randomPool.length < size) randomPool = randomBytes(4096);
  const chunk = randomPool.subarray(0, size);
  randomPool = randomPool.subarray(size);
  return chunk;
}

function newShortId(db: Db): string {
  for (;;) {
    const candidate = randomChunk(6).toString('base64url');
    if (!shortIdTaken(db, candidate)) return candidate;
  }
}

/**
 * Stores one normalized call and its verbatim payload in one transaction (DESIGN §2 identity):
 * a new (provider, external_id) creates a call; a known one merges the latest facts into it; the
 * same payload bytes again change nothing. Formats without an id are keyed by the payload hash,
 * so re-importing a file is idempotent.
 */
export function ingestCall(db: Db, normalized: NormalizedCall, raw: RawPayload, now = new Date().toISOString()): IngestResult {
  const digest = sha256(raw.body);
  const facts = normalized.call;
  // one runaway turn is stored cut (and says so); the payload itself is kept whole below
  const turns = normalized.turns.map(capTurn);
  const externalId = facts.external_id ?? `sha256:${digest.slice(0, 32)}`;
  const payload = { ...raw, sha256: digest, source_format: facts.source_format };

  const run = db.transaction((): IngestResult => {
    const existing = findCallIdByIdentity(db, facts.provider, externalId);
    if (existing !== null && hasPayload(db, existing, digest)) {
      return { outcome: 'duplicate', call: mustGet(db, existing) };
    }
    let id: number;
    let outcome: IngestOutcome;
    // A later payload with a transcript replaces the earlier one (it is the more complete);
    // one without a transcript (a status update) leaves the turns alone.
    const replaceTurns = existing === null || turns.length > 0;
    const transcript = replaceTurns ? transcriptTimingMetrics(turns, { countWords: false }) : undefined;
    if (existing === null) {
      const ids = { uuid: randomUUID(), short_id: newShortId(db), external_id: externalId };
      id = insertCall(db, { ...facts, external_id: externalId }, ids, now, initialFigures(turns.length, transcript ?? transcriptTimingMetrics(turns, { countWords: false })));
      outcome = 'created';
    } else {
      id = existing;
      mergeCallFacts(db, id, facts, now);
      outcome = 'merged';
    }
    if (replaceTurns) {
      if (existing !== null) deleteTurns(db, id);
      insertTurns(db, id, turns);
      if (existing !== null) setTurnCount(db, id, turns.length);
    }
    insertPayload(db, id, payload, now);
    deriveMetrics(db, id, facts, transcript, now, existing === null);
    const call = mustGet(db, id);
    return { outcome, call };
  });
  return run.immediate();
}

function mustGet(db: Db, id: number): StoredCall {
  const call = getCall(db, id);
  if (!call) throw new Error(`call ${id} vanished inside its own transaction`);
  return call;
}
