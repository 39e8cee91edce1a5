import { ApiError } from '../api/errors';
import type { NormalizedCall } from '../model/call';
import { MAX_TIME_MS } from './time-fields';

/**
 * How much one call's payload may hold, so that normalizing and storing one request stays well
 * under a second and never holds up the listener's other requests (issue 17). Real calls are far
 * below: an hour of conversation is about a thousand turns and twenty thousand words.
 */
export const MAX_TURNS_PER_CALL = 10_000;
/** items of any one list of the payload (transcript entries, tool results of a turn, words...). */
export const MAX_LIST_ITEMS = 25_000;
/** items of all the payload's lists together (every turn's words counted). */
export const MAX_LIST_ITEMS_PER_CALL = 250_000;

export interface ListCount {
  total: number;
  longest: number;
}

/** Counts list items without recursion (a form field can nest deeper than the stack). Stops once over the total limit. */
export function countListItems(payload: unknown): ListCount {
  const count: ListCount = { total: 0, longest: 0 };
  const pending: unknown[] = [payload];
  while (pending.length > 0 && count.total <= MAX_LIST_ITEMS_PER_CALL) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      count.total += value.length;
      if (value.length > count.longest) count.longest = value.length;
      for (const item of value) if (typeof item === 'object' && item !== null) pending.push(item);
    } else {
      for (const member of Object.values(value)) if (typeof member === 'object' && member !== null) pending.push(member);
    }
  }
  return count;
}

/** The path of the first list longer than the limit (only looked for once one is known to exist). */
function pathOfLongList(payload: unknown, root: string): string {
  const pending: { value: unknown; path: string }[] = [{ value: payload, path: root }];
  const at = (path: string, key: string | number) => (path === '$' ? String(key) : `${path}.${key}`);
  for (let i = 0; i < pending.length; i++) {
    const next = pending[i];
    if (!next || typeof next.value !== 'object' || next.value === null) continue;
    if (Array.isArray(next.value)) {
      if (next.value.length > MAX_LIST_ITEMS) return next.path;
      next.value.forEach((item, index) => pending.push({ value: item, path: at(next.path, index) }));
    } else {
      for (const [key, member] of Object.entries(next.value)) pending.push({ value: member, path: at(next.path, key) });
    }
  }
  return root;
}

function tooLarge(message: string, path: string): ApiError {
  return new ApiError('payload_too_large', message, [{ path, message }]);
}

/** Refuses (413, naming the list) a payload whose lists hold more than one call can. Linear, before any parsing. */
export function assertPayloadWithinLimits(payload: unknown, root = '$'): void {
  const count = countListItems(payload);
  if (count.longest > MAX_LIST_ITEMS) {
    const path = pathOfLongList(payload, root);
    throw tooLarge(`the list at ${path} holds ${count.longest} items; one call takes at most ${MAX_LIST_ITEMS} in a list (turns, tool results, words)`, path);
  }
  if (count.total > MAX_LIST_ITEMS_PER_CALL) {
    throw tooLarge(`the payload holds more than ${MAX_LIST_ITEMS_PER_CALL} list items in all (turns, tool calls, words); send a call at a time`, root);
  }
}

/** Offsets between two instants a payload may state (time-fields.ts): what a turn time can be. */
const MAX_TURN_OFFSET_MS = 2 * MAX_TIME_MS;

/**
 * The last check before a call is stored: no more turns than one call holds (413), and turn times
 * that SQLite's integer columns take. Every format bounds its time fields (naming them in a 422);
 * this catches what a normalizer computed out of range anyway, naming the turn.
 */
export function assertStorableCall(normalized: NormalizedCall): NormalizedCall {
  if (normalized.turns.length > MAX_TURNS_PER_CALL) {
    throw tooLarge(`the call has ${normalized.turns.length} turns; one call holds at most ${MAX_TURNS_PER_CALL}`, '$');
  }
  const problems = normalized.turns.flatMap((turn, i) =>
    (['start_ms', 'end_ms'] as const).flatMap((key) => {
      const value = turn[key];
      if (value === null || (Number.isInteger(value) && Math.abs(value) <= MAX_TURN_OFFSET_MS)) return [];
      return [{ path: `turns.${i}.${key}`, message: `${value} ms from the call start is not a time in any call` }];
    }),
  );
  if (problems.length > 0) {
    throw new ApiError('invalid_payload', `turn times out of range at: ${problems.map((p) => p.path).join(', ')}`, problems);
  }
  return normalized;
}

/** A normalizer run inside the limits: the payload is sized up first, the turns checked after. */
export function normalizeWithinLimits(payload: unknown, normalize: (payload: unknown) => NormalizedCall): NormalizedCall {
  assertPayloadWithinLimits(payload);
  return assertStorableCall(normalize(payload));
}
