import { z } from 'zod';
import { returns } from './returns';
import { OVERLAP_CLASSES, type OverlapClass } from '../metrics/overlap-verdicts';
import type { OverlapAgreement, OverlapClassCounts } from '../metrics/overlap-review';

/**
 * A reviewer's check of each overlap's class (issue 16): confirm or change the class of the overlap
 * at `at_ms` (null takes the label away), and how the automatic classes agree with the labels.
 * Spread into `apiContract`; overlap-handlers.ts implements it.
 */

const overlapClass = z.enum(OVERLAP_CLASSES as [OverlapClass, ...OverlapClass[]]);

export const overlapsContract = {
  labelOverlap: {
    input: z.object({ id: z.number().int().positive(), at_ms: z.number().min(0), class: overlapClass.nullable() }),
    output: returns<{ at_ms: number; class: OverlapClass; confirmed_class: OverlapClass | null; counts: OverlapClassCounts }>(),
  },
  getOverlapAgreement: { input: z.object({}).default({}), output: returns<OverlapAgreement>() },
};
