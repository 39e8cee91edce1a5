import type { CallListFilter } from '../../../core/api/types';
import type { OverviewPeriod } from '../../../core/api/overview-contract';

/** What every part of the Overview reads with: the list's filter, the period, and its name for the list's origin label. */
export interface PlotProps {
  filter: CallListFilter;
  period: OverviewPeriod;
  periodLabel: string;
}
