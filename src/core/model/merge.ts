import type { CallFacts, JsonObject } from './call';
import { setOwn } from '../formats/types';
import { isLaterOrSame, lifecycleStage } from './lifecycle';

/**
 * Merging a payload into the call it belongs to (DESIGN §2 identity), by meaning rather than by
 * arrival (issue 17): the facts of the payload further on in the call's life win, those of an
 * earlier one only fill gaps; nothing known is ever dropped because a payload lacks it; and the
 * JSON facts (metadata, extra, ...) merge key by key the same way.
 */
export interface MergedFacts {
  facts: CallFacts;
  /** the payload is at least as far on as the stored call: its transcript replaces the stored one. */
  incomingIsLater: boolean;
}

const scalarFacts = [
  'source_format', 'platform', 'agent_id', 'direction', 'from_number', 'to_number', 'customer_number', 'started_at', 'ended_at',
  'duration_s', 'status', 'end_reason', 'recording_url', 'stereo_recording_url', 'agent_channel', 'cost_usd',
] as const satisfies readonly (keyof CallFacts)[];

const objectFacts = ['metadata', 'dynamic_variables', 'provider_metrics', 'extra'] as const satisfies readonly (keyof CallFacts)[];

/** Key by key: the winner's values, the loser's for keys the winner lacks (or leaves null). */
function mergeObjects(winner: JsonObject | null, loser: JsonObject | null): JsonObject | null {
  if (winner === null) return loser;
  if (loser === null) return winner;
  const merged: JsonObject = { ...loser };
  for (const [key, value] of Object.entries(winner)) {
    if (value !== null && value !== undefined) setOwn(merged, key, value);
    else if (!Object.hasOwn(merged, key)) setOwn(merged, key, value);
  }
  return merged;
}

export function mergeCallFacts(stored: CallFacts, incoming: CallFacts): MergedFacts {
  const incomingIsLater = isLaterOrSame(lifecycleStage(incoming), lifecycleStage(stored));
  const [winner, loser] = incomingIsLater ? [incoming, stored] : [stored, incoming];
  const facts: CallFacts = { ...stored };
  const pick = <K extends (typeof scalarFacts)[number]>(key: K) => {
    facts[key] = winner[key] ?? loser[key];
  };
  for (const key of scalarFacts) pick(key);
  for (const key of objectFacts) facts[key] = mergeObjects(winner[key], loser[key]);
  return { facts, incomingIsLater };
}
