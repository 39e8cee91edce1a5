import type { CallListFilter } from '../../../core/api/types';

/** An evaluator's newest outcome on a call, as the list filter names it. */
export type Outcome = NonNullable<CallListFilter['evaluations']>[number]['outcome'];

export const outcomes: Outcome[] = ['fail', 'pass', 'not_applicable', 'error', 'none'];

export const outcomeLabel = (o: Outcome): string => (o === 'none' ? 'not run' : o === 'not_applicable' ? 'not applicable' : o);
