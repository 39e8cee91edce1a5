import type { Db } from './db';
import { stmt } from './statements';
import { phoneKeys } from '../../core/search/phone-keys';

/**
 * The phone numbers of each call as search keys (core/search/phone-keys), so a number typed in any
 * form is one index lookup at a million calls. Written with the call's facts; a deleted call's keys
 * go with it (ON DELETE CASCADE).
 */

export interface CallNumbers {
  from_number: string | null;
  to_number: string | null;
  customer_number: string | null;
}

export function numberKeysOf(call: CallNumbers): string[] {
  return [...new Set([call.from_number, call.to_number, call.customer_number].flatMap((n) => phoneKeys(n)))];
}

/** Replaces a call's keys with those of its numbers now. */
export function putCallNumbers(db: Db, callId: number, call: CallNumbers): void {
  stmt(db, 'DELETE FROM call_numbers WHERE call_id = ?').run(callId);
  const insert = stmt(db, 'INSERT OR IGNORE INTO call_numbers (number_key, call_id) VALUES (?, ?)');
  for (const key of numberKeysOf(call)) insert.run(key, callId);
}

/** The SQL that yields the ids of calls with any of the keys (bound as @number_key_0..n). */
export function callsWithNumberSql(keyCount: number): string {
  const params = Array.from({ length: keyCount }, (_, i) => `@number_key_${i}`).join(', ');
  return `SELECT call_id FROM call_numbers WHERE number_key IN (${params})`;
}
