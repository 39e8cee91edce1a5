import type { Db } from './db';
import { stmt } from './statements';

/** Query module for `call_payloads`: every payload kept byte-for-byte. */

export interface PayloadRecord {
  route: string;
  content_type: string;
  source_format: string;
  sha256: string;
  body: Buffer;
}

export function hasPayload(db: Db, callId: number, sha256: string): boolean {
  return (
    stmt<[number, string], { one: number }>(db, 'SELECT 1 AS one FROM call_payloads WHERE call_id = ? AND sha256 = ?')
      .get(callId, sha256) !== undefined
  );
}

export function insertPayload(db: Db, callId: number, payload: PayloadRecord, receivedAt: string): void {
  stmt(db, 
    'INSERT INTO call_payloads (call_id, received_at, source_format, route, content_type, sha256, body) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(callId, receivedAt, payload.source_format, payload.route, payload.content_type, payload.sha256, payload.body);
}

export interface StoredPayload extends PayloadRecord {
  received_at: string;
}

export function listPayloads(db: Db, callId: number): StoredPayload[] {
  return stmt<[number], StoredPayload>(db, 
      'SELECT received_at, source_format, route, content_type, sha256, body FROM call_payloads WHERE call_id = ? ORDER BY id',
    )
    .all(callId);
}
