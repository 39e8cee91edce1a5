import type { CallListFilter } from '../../../core/api/types';
import type { CallSort } from '../calls/store';

/**
 * Whether the list shows a saved view: its filter and sort as one canonical text each (keys in
 * order, empty parts dropped), since the list's filter may hold `{verdict: undefined}` where the
 * stored view has no key at all.
 */

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && v !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, canonical(v)]);
    return Object.fromEntries(entries);
  }
  return value;
}

export function filterKey(filter: CallListFilter): string {
  return JSON.stringify(canonical(filter));
}

export function isEmptyFilter(filter: CallListFilter): boolean {
  return filterKey(filter) === '{}';
}

export function sameView(a: { filter: CallListFilter; sort: CallSort }, b: { filter: CallListFilter; sort: CallSort }): boolean {
  return filterKey(a.filter) === filterKey(b.filter) && a.sort.column === b.sort.column && a.sort.direction === b.sort.direction;
}
