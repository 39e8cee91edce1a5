import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { NormalizedCall, StoredCall, Turn } from '../../core/model/call';
import type { TimingMetrics } from '../../core/metrics/compute';
import type { Db } from './db';
import { findCallIdByIdentity, getCall, insertCall, setTurnCount, shortIdTaken, updateCallFacts } from './calls';
import { deleteTurns, insertTurns } from './turns';
import { hasPayload, insertPayload } from './payloads';
import { deriveMetrics, initialFigures } from './derive-metrics';
import { transcriptTimingMetrics } from '../../core/metrics/compute';
import { mergeCallFacts } from '../../core/model/merge';
import { capTurn } from '../../core/model/turn-size';
import { restoreCalls } from './call-trash';

export interface RawPayload {
  body: Buffer;
  content_type: string;
  route: string;
}

export type IngestOutcome = 'created' | 'merged' | 'duplicate';

export interface IngestResult {
  outcome: IngestOutcome;
  call: StoredCall;
  /**
   * A created call's turns and transcript figures as they were stored: the watch rules judge it
   * from these rather than read it back (that read would cost them most of their time budget).
   */
  fresh?: { turns: readonly Turn[]; transcript: TimingMetrics };
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
 * a new (provider, external_id) creates a call; a known one merges the payload into it by where
 * each stands in the call's life (core/model/merge); the
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
    if (existing === null) {
      const transcript = transcriptTimingMetrics(turns, { countWords: false });
      const ids = { uuid: randomUUID(), short_id: newShortId(db), external_id: externalId };
      const id = insertCall(db, { ...facts, external_id: externalId }, ids, now, initialFigures(turns.length, transcript));
      insertTurns(db, id, turns);
      insertPayload(db, id, payload, now);
      deriveMetrics(db, id, facts, transcript, now, true);
      return { outcome: 'created', call: mustGet(db, id), fresh: { turns, transcript } };
    }
    const id = existing;
    const stored = mustGet(db, id);
    // By meaning, not arrival: an event from earlier in the call's life only fills gaps.
    const merged = mergeCallFacts(stored, facts);
    updateCallFacts(db, id, merged.facts, now);
    // The later event's transcript is the more complete; an earlier one only fills an empty call.
    const replaceTurns = turns.length > 0 && (merged.incomingIsLater || stored.turn_count === 0);
    const transcript = replaceTurns ? transcriptTimingMetrics(turns, { countWords: false }) : undefined;
    if (replaceTurns) {
      deleteTurns(db, id);
      insertTurns(db, id, turns);
      setTurnCount(db, id, turns.length);
    }
    insertPayload(db, id, payload, now);
    deriveMetrics(db, id, merged.facts, transcript, now, false);
    // A call deleted to the trash that the platform sends again (a later event, a re-import) is
    // back in the list with the new payload: news about a call outweighs having put it away. The
    // same bytes again (a webhook retry) are a duplicate above and leave it in the trash.
    restoreCalls(db, [id]);
    return { outcome: 'merged', call: mustGet(db, id) };
  });
  return run.immediate();
}

function mustGet(db: Db, id: number): StoredCall {
  const call = getCall(db, id);
  if (!call) throw new Error(`call ${id} vanished inside its own transaction`);
  return call;
}
