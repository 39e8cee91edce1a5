import { z } from 'zod';
import { callListFilterSchema } from './filter-schema';
import { returns } from './returns';
import type { CallListFilter } from './types';
import type { Figures } from '../compare/figures';
import type { FigureDifference } from '../compare/bootstrap';
import type { DrivingCalls } from '../compare/driving-calls';
import type { ReplyDistribution } from '../compare/distribution';

/**
 * Compare two sets of calls (issue 15): the fleet figures of A and B, each difference B − A with a
 * bootstrap 95% interval, the reply latencies' distributions, and per figure the calls that drive
 * it. Spread into `apiContract`; compare-handlers.ts implements it.
 */

/** A set: a list filter, a saved view, or filter text (the syntax of `callscope compare --a`). */
export const compareSetSchema = z
  .object({
    filter: callListFilterSchema.optional(),
    view_id: z.number().int().positive().optional(),
    text: z.string().max(4000).optional(),
  })
  .strict()
  .refine((s) => [s.filter, s.view_id, s.text].filter((v) => v !== undefined).length === 1, { message: 'give one of filter, view_id or text' });
export type CompareSetInput = z.output<typeof compareSetSchema>;

export const MAX_RESAMPLES = 10_000;
export const DEFAULT_RESAMPLES = 1_000;

export interface ComparedSet {
  /** the view's name, or the filter as text */
  label: string;
  filter: CallListFilter;
  filter_text: string;
  figures: Figures;
}

export type FigureComparison = FigureDifference & { driving: DrivingCalls };

export interface CompareResult {
  a: ComparedSet;
  b: ComparedSet;
  resamples: number;
  seed: number;
  differences: FigureComparison[];
  distribution: ReplyDistribution;
  /** how long the store read and the bootstrap took */
  elapsed_ms: number;
}

export const compareContract = {
  compareSets: {
    input: z.object({
      a: compareSetSchema,
      b: compareSetSchema,
      resamples: z.number().int().min(100).max(MAX_RESAMPLES).default(DEFAULT_RESAMPLES),
      seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    }),
    output: returns<CompareResult>(),
  },
};
