import { z } from 'zod';
import type { Evaluator } from '../evaluators/definition';
import { returns } from './returns';

/**
 * Watch rules (issue 15, "From calls to the fleet"): a rule evaluator marked to watch runs on every
 * arriving call; a failure raises a flag (the Flagged view, the activity list, a notification).
 * Spread into `apiContract`; watch-handlers.ts implements it.
 */

const flagId = z.number().int().positive();

/** One flag as the activity list and the `calls.flagged` event show it. */
export interface FlagEntry {
  id: number;
  call_id: number;
  /** the call as the list names it: the provider's id, and our short id. */
  call_external_id: string;
  call_short_id: string;
  evaluator_id: string;
  evaluator_name: string;
  /** the rule's own words on why the call failed. */
  reason: string;
  created_at: string;
  seen: boolean;
  cleared: boolean;
}

/** The badge counts: open flags not seen yet, the calls with an open flag, the rules watching. */
export interface WatchStatus {
  unseen: number;
  flagged_calls: number;
  watched_rules: number;
  /** the newest flag's id (0 when none): "mark seen" goes up to what was shown, not past it. */
  latest_flag_id: number;
}

export interface ActivityPage {
  /** newest first. */
  entries: FlagEntry[];
  /** pass as `before_id` for the next (older) page; null at the end. */
  next_before_id: number | null;
}

export const watchContract = {
  /** marks a rule evaluator to watch arriving calls (or not); an LLM judge cannot watch. */
  setEvaluatorWatch: { input: z.object({ id: z.string().min(1).max(100), watch: z.boolean() }), output: returns<Evaluator>() },
  /** recent flags, newest first, a page at a time. */
  listActivity: {
    input: z.object({ before_id: flagId.optional(), limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }),
    output: returns<ActivityPage>(),
  },
  getWatchStatus: { input: z.object({}).default({}), output: returns<WatchStatus>() },
  /** marks open flags seen, up to `up_to_id` (every one when absent); answers the counts after. */
  markFlagsSeen: { input: z.object({ up_to_id: flagId.optional() }).default({}), output: returns<WatchStatus>() },
  /** clears flags (the call leaves the Flagged view); answers how many were open. */
  clearFlags: { input: z.object({ ids: z.array(flagId).min(1).max(10_000) }), output: returns<{ cleared: number }>() },
};
