import { z } from 'zod';
import { metricColumns, metricOperators } from './types';

/** The calls list's filter (listCalls, and evaluation runs "on every call matching the filter"). */
export const callListFilterSchema = z.object({
  q: z.string().max(500).optional(),
  provider: z.string().max(100).optional(),
  status: z.string().max(100).optional(),
  agent_id: z.string().max(200).optional(),
  customer_number: z.string().max(100).optional(),
  verdict: z.enum(['success', 'failure', 'unreviewed']).optional(),
  started_after: z.iso.datetime({ offset: true }).optional(),
  started_before: z.iso.datetime({ offset: true }).optional(),
  metrics: z
    .array(z.object({ column: z.enum(metricColumns), op: z.enum(metricOperators), value: z.number().finite() }))
    .max(10)
    .optional(),
  /** the newest result of an evaluator on the call: passed, failed, errored, not applicable, or none yet. */
  evaluations: z
    .array(z.object({ evaluator_id: z.string().min(1).max(100), outcome: z.enum(['pass', 'fail', 'error', 'not_applicable', 'none']) }))
    .max(10)
    .optional(),
});
