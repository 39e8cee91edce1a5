import type { CallListFilter } from '../../../core/api/types';
import type { OverviewPeriod } from '../../../core/api/overview-contract';
import { filterInPeriod } from '../../../core/overview/period';
import { useCallList } from '../calls/store';
import { usePage } from '../pages/store';

/**
 * Opens the Calls list on exactly the calls a bar, point or row counted: the Overview's filter in
 * its period (the same set its figures read) narrowed by `narrow`, saying where it came from.
 */
export function openCalls(filter: CallListFilter, period: OverviewPeriod, narrow: CallListFilter, what: string, periodLabel: string): void {
  const calls = { ...filterInPeriod(filter, period), ...narrow };
  useCallList.getState().setFilterFrom(calls, `From Overview: ${what}, ${periodLabel.charAt(0).toLowerCase()}${periodLabel.slice(1)}`, filter);
  usePage.getState().open('calls');
}

/** The calls of one time bucket. */
export function bucketNarrow(start: string, end: string): CallListFilter {
  return { started_after: start, started_before: end };
}
