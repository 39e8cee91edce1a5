import { z } from 'zod';
import { PII_TYPES } from '../pii/types';

/**
 * What an evaluator is (DESIGN §8): a named rubric (LLM judge) or rule, with an output type.
 * Stored as JSON in `evaluator_versions`; validated with these schemas on every write and read.
 */

export const outputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pass_fail') }),
  /** 1-5; a score at or above `pass_at` counts as a pass when compared with manual marks. */
  z.object({ type: z.literal('score'), pass_at: z.number().int().min(1).max(5).default(4) }),
  /** one of a set of labels; `pass_labels` are the ones that count as a pass. */
  z.object({
    type: z.literal('labels'),
    labels: z.array(z.string().trim().min(1).max(100)).min(2).max(20),
    pass_labels: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  }),
]);
export type EvaluatorOutput = z.output<typeof outputSchema>;

/** Offline checks; each one's verdict is pass or fail. */
export const ruleSchema = z.discriminatedUnion('check', [
  z.object({ check: z.literal('latency_p90_under'), max_ms: z.number().int().positive() }),
  z.object({
    check: z.literal('interruptions_under'),
    /** passes with fewer than `max`: "under 0" could never pass, so 1 is the least. */
    max: z.number().int().min(1),
    /** who interrupts: the agent talking over the caller (default), the caller, or either. */
    by: z.enum(['agent', 'user', 'any']).default('agent'),
  }),
  z.object({
    check: z.literal('agent_phrase'),
    mode: z.enum(['must', 'must_not']),
    pattern: z
      .string()
      .min(1)
      .max(1000)
      .refine((p) => compiles(p), { message: 'not a valid regular expression' }),
  }),
  z.object({ check: z.literal('end_reason_in'), reasons: z.array(z.string().trim().min(1).max(200)).min(1).max(50) }),
  z.object({ check: z.literal('agent_pii'), types: z.array(z.enum(PII_TYPES)).min(1).max(29) }),
  z
    .object({
      check: z.literal('duration_in_range'),
      min_s: z.number().min(0).nullable().default(null),
      max_s: z.number().positive().nullable().default(null),
    })
    .refine((r) => r.min_s !== null || r.max_s !== null, { message: 'give min_s, max_s or both', path: ['min_s'] })
    .refine((r) => r.min_s === null || r.max_s === null || r.min_s <= r.max_s, { message: 'min_s is above max_s', path: ['min_s'] }),
]);
export type Rule = z.output<typeof ruleSchema>;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

const common = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
};

/** The editable part of an evaluator: any change to it makes a new version. */
export const evaluatorSpecSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('llm'), rubric: z.string().trim().min(1).max(20_000), output: outputSchema }),
  z.object({ ...common, kind: z.literal('rule'), rule: ruleSchema, output: z.object({ type: z.literal('pass_fail') }).default({ type: 'pass_fail' }) }),
]);
export type EvaluatorSpec = z.output<typeof evaluatorSpecSchema>;
export type EvaluatorSpecInput = z.input<typeof evaluatorSpecSchema>;

export interface Evaluator {
  /** public id (seed 000's `evaluator_id`). */
  id: string;
  version: number;
  spec: EvaluatorSpec;
  created_at: string;
  updated_at: string;
  /** the built-in template this was made from, if any. */
  template: string | null;
  /**
   * a rule that runs on every arriving call, its failures flagged (watch rules); a switch on the
   * evaluator, not part of its versioned spec. Always false for an LLM judge (not cheap enough).
   */
  watch: boolean;
}

/** A stable text of a spec: equal specs give equal text, so an unchanged save makes no new version. */
export function specKey(spec: EvaluatorSpec): string {
  return JSON.stringify(sortKeys(spec));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
