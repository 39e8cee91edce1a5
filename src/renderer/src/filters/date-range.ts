import type { CallListFilter } from '../../../core/api/types';

/**
 * The date filter in the analyst's days: a range of local calendar days (`2026-11-23`, four-digit
 * years) stored as instants, `started_after` the first day's local midnight and `started_before`
 * the local midnight after the last day (exclusive), so "Today" means today where the analyst is.
 */

export interface DayRange {
  /** first day, `YYYY-MM-DD` (none: no lower bound) */
  from?: string;
  /** last day, included */
  to?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const two = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a local date. */
export function localDay(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** The local midnight starting a day, or null when the text is not a real day with a four-digit year. */
function midnightOf(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = new Date(year, month - 1, date);
  // new Date(2026, 1, 31) rolls over to March: such a day does not exist
  return midnight.getFullYear() === year && midnight.getMonth() === month - 1 && midnight.getDate() === date ? midnight : null;
}

export function isDay(text: string): boolean {
  return midnightOf(text) !== null;
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + days);
}

/** The filter's two bounds for a range of days (a bound left out when its day is missing or not a day). */
export function rangeToFilter(range: DayRange): Pick<CallListFilter, 'started_after' | 'started_before'> {
  const from = range.from ? midnightOf(range.from) : null;
  const to = range.to ? midnightOf(range.to) : null;
  return { started_after: from?.toISOString(), started_before: to ? addDays(to, 1).toISOString() : undefined };
}

/** The days a filter's bounds cover (the last day is the one before the exclusive upper bound). */
export function filterToRange(filter: Pick<CallListFilter, 'started_after' | 'started_before' | 'started_within_days'>): DayRange {
  if (filter.started_within_days !== undefined) return presetRange(filter.started_within_days);
  const after = filter.started_after ? new Date(filter.started_after) : null;
  const before = filter.started_before ? new Date(filter.started_before) : null;
  return {
    from: after && !Number.isNaN(after.getTime()) ? localDay(after) : undefined,
    to: before && !Number.isNaN(before.getTime()) ? localDay(new Date(before.getTime() - 1)) : undefined,
  };
}

export const datePresets = [
  { label: 'Today', days: 1 },
  { label: 'Last 7 days', days: 7 },
  { label: 'Last 30 days', days: 30 },
] as const;

/** The last `days` days up to and including today. */
export function presetRange(days: number, now: Date = new Date()): Required<DayRange> {
  return { from: localDay(addDays(now, -(days - 1))), to: localDay(now) };
}

/** A relative range as the chip and the picker say it: "today", "last 7 days". */
export function describeLastDays(days: number): string {
  return days === 1 ? 'today' : `last ${days} days`;
}

/** "2026-11-23 – 2026-11-29", "2026-11-29" (one day), "from 2026-11-23", "until 2026-11-29". */
export function describeRange({ from, to }: DayRange): string {
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return `from ${from}`;
  return to ? `until ${to}` : '';
}
