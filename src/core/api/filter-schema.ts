import { z } from 'zod';
import { callSortColumns, metricColumns, metricOperators } from './types';

/** The calls list's query (listCalls): its filter is also what evaluation runs take "on every call matching". */

export const metricFilterSchema = z.object({ column: z.enum(metricColumns), op: z.enum(metricOperators), value: z.number().finite() });

export const callSortSchema = z.object({ column: z.enum(callSortColumns), direction: z.enum(['asc', 'desc']) });

export const callListFilterSchema = z.object({
  /** only these calls (the ticked ones: their CSV, how many of them the view holds). */
  ids: z.array(z.number().int().positive()).max(10_000).optional(),
  /** words in the transcript (full-text), or an exact call id / short id / phone number. */
  q: z.string().max(500).optional(),
  provider: z.string().max(100).optional(),
  status: z.string().max(100).optional(),
  /** any of these statuses (the seed-002 filter maps one of its words to several of ours). */
  statuses: z.array(z.string().max(100)).max(20).optional(),
  agent_id: z.string().max(200).optional(),
  /** the platform as stored (`vapi`, `retell`, ...). */
  platform: z.string().max(100).optional(),
  end_reason: z.string().max(200).optional(),
  /** the calls of one review queue (the list while the queue is open). */
  queue_id: z.number().int().positive().optional(),
  /** true: calls a watch rule flagged (an open flag of a live evaluator); false: calls with none. */
  flagged: z.boolean().optional(),
  /** calls carrying every one of these tags. */
  tags: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
  /** call length in seconds, inclusive. */
  min_duration_s: z.number().min(0).optional(),
  max_duration_s: z.number().min(0).optional(),
  customer_number: z.string().max(100).optional(),
  /** a verdict, none yet ('unreviewed'), or either one ('reviewed'). */
  verdict: z.enum(['success', 'failure', 'unreviewed', 'reviewed']).optional(),
  started_after: z.iso.datetime({ offset: true }).optional(),
  started_before: z.iso.datetime({ offset: true }).optional(),
  /**
   * calls started on the last N calendar days, today included, in the store machine's local time
   * ("Last 7 days"): resolved when the query runs, so a saved view keeps meaning "the last 7 days".
   */
  started_within_days: z.number().int().min(1).max(3660).optional(),
  /** e.g. `{column: 'latency_p90_ms', op: '>', value: 2000}`; all must hold. */
  metrics: z.array(metricFilterSchema).max(10).optional(),
  /**
   * calls with at least one agent reply latency in [min, max) ms (table reply_latencies): what an
   * Overview histogram bar holds. `max` left out: no upper end.
   */
  reply_latency_ms: z
    .object({ min: z.number().min(0), max: z.number().positive().optional() })
    .refine((r) => r.max === undefined || r.max > r.min, { message: 'reply_latency_ms: max must be above min' })
    .optional(),
  /** the newest result of an evaluator on the call: passed, failed, errored, not applicable, or none yet; all must hold. */
  evaluations: z
    .array(z.object({ evaluator_id: z.string().min(1).max(100), outcome: z.enum(['pass', 'fail', 'error', 'not_applicable', 'none']) }))
    .max(10)
    .optional(),
});

export const callListQuerySchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  sort: callSortSchema.default({ column: 'started_at', direction: 'desc' }),
  filter: callListFilterSchema.default({}),
  /**
   * 'exact' counts every match (a scan of the matches); 'bound' answers with the page alone and a
   * total that is only a lower bound when more rows follow (the screen asks `countCalls` apart).
   */
  count: z.enum(['exact', 'bound']).default('exact'),
});
