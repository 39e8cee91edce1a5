import { z } from 'zod';
import { callListFilterSchema, callSortSchema } from './filter-schema';
import { returns } from './returns';

/**
 * The daily triage loop (issue 14): tags on calls, saved views, review queues and verdicts on many
 * calls at once. Spread into `apiContract`; triage-handlers.ts implements it. Each change answers
 * what it changed, so the screen can offer Undo.
 */

const callIds = z.array(z.number().int().positive()).min(1).max(10_000);
const tagName = z.string().trim().min(1).max(60);
const viewName = z.string().trim().min(1).max(100);
const queueId = z.number().int().positive();

/** How a queue takes its calls from the view: the view itself (first n), n at random, n per agent, or the n worst by a figure. */
export const queueSampleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('view'), n: z.number().int().min(1).max(10_000), sort: callSortSchema }),
  z.object({ kind: z.literal('random'), n: z.number().int().min(1).max(10_000) }),
  z.object({ kind: z.literal('per_agent'), n: z.number().int().min(1).max(1_000) }),
  z.object({
    kind: z.literal('worst'),
    n: z.number().int().min(1).max(10_000),
    column: z.enum(['latency_p90_ms', 'latency_p50_ms', 'ttfw_ms', 'interruption_count', 'longest_silence_ms', 'duration_s']),
  }),
]);
export type QueueSample = z.output<typeof queueSampleSchema>;

export interface TagCount {
  name: string;
  calls: number;
}

/** The fields whose distinct values the filter bar offers as choices (listFacets). */
export const facetFields = ['agent_id', 'end_reason', 'platform'] as const;
export type FacetField = (typeof facetFields)[number];

export interface FacetValue {
  value: string;
  calls: number;
  /** false when `calls` is a lower bound (counting stopped there). */
  exact: boolean;
}

/** A field's values in order; `more` when there were more distinct values than listed. */
export type CallFacets = Record<FacetField, { values: FacetValue[]; more: boolean }>;

export interface SavedView {
  id: number;
  name: string;
  filter: z.output<typeof callListFilterSchema>;
  sort: z.output<typeof callSortSchema>;
  created_at: string;
}

export interface QueueProgress {
  id: number;
  name: string;
  /** how the calls were chosen, in words. */
  source: string;
  /** the order the queue is worked in: the list's sort while it is open. */
  sort: z.output<typeof callSortSchema>;
  created_at: string;
  total: number;
  reviewed: number;
}

/** A queue's calls in its order, each with whether it has a verdict yet (a queue holds at most a few thousand). */
export type QueueCalls = { call_id: number; reviewed: boolean }[];

/** Everything that makes a queue, as deleteQueue answers it: what restoreQueue (its Undo) puts back. */
export const queueCopySchema = z.object({
  id: queueId,
  name: z.string().trim().min(1).max(100),
  source: z.string().max(200),
  sort: callSortSchema,
  created_at: z.string().max(40),
  call_ids: z.array(z.number().int().positive()).max(100_000),
});
export type QueueCopy = z.output<typeof queueCopySchema>;

export const triageContract = {
  listTags: { input: z.object({}).default({}), output: returns<TagCount[]>() },
  /** the store's agents, end reasons and platforms with their number of calls: the filter bar's choices. */
  listFacets: { input: z.object({}).default({}), output: returns<CallFacets>() },
  /** adds or removes one tag on calls; answers the calls it changed (Undo does the opposite on those). */
  tagCalls: {
    input: z
      .object({ call_ids: callIds, add: tagName.optional(), remove: tagName.optional() })
      .refine((v) => (v.add === undefined) !== (v.remove === undefined), { message: 'give either add or remove' }),
    output: returns<{ tag: string; added: number[]; removed: number[] }>(),
  },
  /** one verdict on many calls; answers each call's verdict before (what Undo puts back). */
  setVerdicts: {
    input: z.object({ call_ids: callIds, verdict: z.enum(['success', 'failure']).nullable() }),
    output: returns<{ previous: { id: number; verdict: 'success' | 'failure' | null }[] }>(),
  },
  listViews: { input: z.object({}).default({}), output: returns<SavedView[]>() },
  saveView: { input: z.object({ name: viewName, filter: callListFilterSchema, sort: callSortSchema }), output: returns<SavedView>() },
  deleteView: { input: z.object({ id: z.number().int().positive() }), output: returns<{ deleted: SavedView | null }>() },
  listQueues: { input: z.object({}).default({}), output: returns<QueueProgress[]>() },
  /**
   * a queue of the view's calls or a sample of them, kept in the order `sort` lists them (the list's
   * sort while the queue is open; by default the sample's own: the view's sort, or the worst first).
   */
  createQueue: {
    input: z.object({ name: z.string().trim().min(1).max(100), filter: callListFilterSchema.default({}), sample: queueSampleSchema, sort: callSortSchema.optional() }),
    output: returns<QueueProgress>(),
  },
  /** the queue and its calls: in its own order, or as the list lists them under `sort` (re-sorted while open). */
  getQueue: { input: z.object({ id: queueId, sort: callSortSchema.optional() }), output: returns<QueueProgress & { calls: QueueCalls }>() },
  /** the next unreviewed call after `after_call_id` in queue order, or under `sort` (wrapping), null when all are reviewed. */
  nextInQueue: {
    input: z.object({ id: queueId, after_call_id: z.number().int().positive().nullable().default(null), sort: callSortSchema.optional() }),
    output: returns<{ call_id: number | null }>(),
  },
  /** answers the queue as it was (`queue`, null when there was none), which restoreQueue puts back. */
  deleteQueue: { input: z.object({ id: queueId }), output: returns<{ deleted: boolean; queue: QueueCopy | null }>() },
  /** Undo of deleteQueue: the queue again, under its old id when that is still free; calls deleted meanwhile are left out. */
  restoreQueue: { input: z.object({ queue: queueCopySchema }), output: returns<QueueProgress>() },
};
