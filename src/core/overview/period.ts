import type { CallListFilter } from '../api/types';
import type { OverviewPeriod } from '../api/overview-contract';

/**
 * The list filter of the calls in a period: the period's bounds joined to the filter's own dates
 * (both must hold). The Overview's aggregates read this set, and a click on a bar lists it, so
 * the two always count the same calls.
 */
export function filterInPeriod(filter: CallListFilter, period: OverviewPeriod): CallListFilter {
  const later = (a: string | undefined, b: string | null) => (b === null ? a : a === undefined || Date.parse(b) > Date.parse(a) ? b : a);
  const earlier = (a: string | undefined, b: string | null) => (b === null ? a : a === undefined || Date.parse(b) < Date.parse(a) ? b : a);
  const startedAfter = later(filter.started_after, period.start);
  const startedBefore = earlier(filter.started_before, period.end);
  return {
    ...filter,
    ...(startedAfter === undefined ? {} : { started_after: startedAfter }),
    ...(startedBefore === undefined ? {} : { started_before: startedBefore }),
  };
}

/** The period of the same length just before (none for an open period). */
export function previousPeriod(period: OverviewPeriod): { start: string; end: string } | null {
  if (period.start === null || period.end === null) return null;
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  return { start: new Date(start - (end - start)).toISOString(), end: new Date(start).toISOString() };
}
