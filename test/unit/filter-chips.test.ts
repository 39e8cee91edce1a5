import { describe, expect, it } from 'vitest';
import { describeRange, filterToRange, isDay, presetRange, rangeToFilter } from '../../src/renderer/src/filters/date-range';
import { filterChips, withoutChips } from '../../src/renderer/src/filters/chips';
import { filterKey, sameView } from '../../src/renderer/src/views/view-match';
import { activeEntry, viewEntries } from '../../src/renderer/src/views/apply-view';
import type { CallListFilter, CallSortColumn } from '../../src/core/api/types';

/** Issue 14's filter bar: days as the analyst counts them, one chip per condition, and which saved view the list shows. */

describe('date range', () => {
  it('takes whole local days, the last one included, and reads them back', () => {
    const filter = rangeToFilter({ from: '2026-11-23', to: '2026-11-29' });
    expect(new Date(filter.started_after ?? '').getTime()).toBe(new Date(2026, 10, 23).getTime());
    expect(new Date(filter.started_before ?? '').getTime()).toBe(new Date(2026, 10, 30).getTime());
    expect(filterToRange(filter)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    // a range to the end of a month, and of a year
    expect(filterToRange(rangeToFilter({ to: '2026-12-31' }))).toEqual({ from: undefined, to: '2026-12-31' });
    expect(rangeToFilter({ from: '2026-02-30' })).toEqual({ started_after: undefined, started_before: undefined });
  });

  it('accepts four-digit years and real days only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('26-02-28')).toBe(false);
    expect(isDay('202026-02-28')).toBe(false);
  });

  it('presets end today: Today is one day, Last 7 days seven', () => {
    const now = new Date(2026, 0, 3, 9, 30);
    expect(presetRange(1, now)).toEqual({ from: '2026-01-03', to: '2026-01-03' });
    expect(presetRange(7, now)).toEqual({ from: '2025-12-28', to: '2026-01-03' });
    expect(describeRange(presetRange(7, now))).toBe('2025-12-28 – 2026-01-03');
    expect(describeRange({ from: '2026-01-03', to: '2026-01-03' })).toBe('2026-01-03');
    expect(describeRange({ to: '2026-01-03' })).toBe('until 2026-01-03');
  });

  it('a relative range reads as its days today, and its chip as "last N days"', () => {
    const days = filterToRange({ started_within_days: 7 });
    expect(days).toEqual(presetRange(7));
    expect(filterChips({ started_within_days: 7 }, (id) => id).map((c) => c.label)).toEqual(['Date: last 7 days']);
    expect(filterChips({ started_within_days: 1 }, (id) => id).map((c) => c.label)).toEqual(['Date: today']);
    expect(withoutChips({ started_within_days: 30, q: 'x' })).toEqual({ q: 'x' });
  });
});

describe('chips', () => {
  const filter: CallListFilter = {
    q: 'refund', verdict: 'reviewed', agent_id: 'agent-3', end_reason: 'voicemail', platform: 'vapi', tags: ['billing', 'urgent'],
    min_duration_s: 60, max_duration_s: 300, metrics: [{ column: 'latency_p90_ms', op: '>', value: 2000 }],
    evaluations: [{ evaluator_id: 'ev-1', outcome: 'not_applicable' }],
  };

  it('one per condition, in a fixed order; the search is not one', () => {
    expect(filterChips(filter, (id) => (id === 'ev-1' ? 'Card numbers' : id)).map((c) => c.label)).toEqual([
      'Verdict: reviewed', 'Agent: agent-3', 'End reason: voicemail', 'Platform: Vapi', 'Tag: billing', 'Tag: urgent',
      'Duration: 1:00 – 5:00', 'p90 latency > 2000 ms', 'Card numbers: not applicable',
    ]);
  });

  it('each takes away its own condition only; clearing keeps the search', () => {
    const chips = filterChips(filter, (id) => id);
    const billing = chips.find((c) => c.label === 'Tag: billing');
    expect(billing?.without(filter).tags).toEqual(['urgent']);
    const duration = chips.find((c) => c.label.startsWith('Duration'));
    expect(filterKey(duration?.without(filter) ?? {})).toBe(filterKey({ ...filter, min_duration_s: undefined, max_duration_s: undefined }));
    let rest = filter;
    for (const chip of chips) rest = chip.without(rest);
    expect(filterKey(rest)).toBe(filterKey({ q: 'refund' }));
    expect(withoutChips(filter)).toEqual({ q: 'refund' });
  });
});

describe('the view shown', () => {
  const sort: { column: CallSortColumn; direction: 'asc' | 'desc' } = { column: 'started_at', direction: 'desc' };
  const view = (id: number, filter: CallListFilter, s = sort) => ({ id, name: `v${id}`, filter, sort: s, created_at: '' });

  it('matches a saved view whatever the order of keys and the empty parts', () => {
    expect(sameView({ filter: { agent_id: 'a', verdict: undefined, tags: [] }, sort }, { filter: { agent_id: 'a' }, sort })).toBe(true);
    expect(sameView({ filter: { agent_id: 'a' }, sort }, { filter: { agent_id: 'a' }, sort: { ...sort, direction: 'asc' } })).toBe(false);
  });

  it('is the first view with this filter and sort, else "All calls" when nothing filters', () => {
    const entries = viewEntries([view(1, { verdict: 'failure' }), view(2, {}, { column: 'latency_p90_ms', direction: 'desc' })]);
    expect(activeEntry(entries, { filter: { verdict: 'failure' }, sort })).toBe(1);
    expect(activeEntry(entries, { filter: {}, sort: { column: 'latency_p90_ms', direction: 'desc' } })).toBe(2);
    expect(activeEntry(entries, { filter: {}, sort })).toBe(0);
    expect(activeEntry(entries, { filter: { verdict: 'success' }, sort })).toBe(-1);
  });

  it('lists "Flagged" second once a rule watches: its filter, any sort, is that entry; its chip takes it away', () => {
    expect(viewEntries([view(1, {})]).map((e) => e.kind)).toEqual(['all', 'saved']);
    const entries = viewEntries([view(1, { verdict: 'failure' })], true);
    expect(entries.map((e) => e.kind)).toEqual(['all', 'flagged', 'saved']);
    expect(activeEntry(entries, { filter: { flagged: true }, sort: { column: 'duration_s', direction: 'asc' } })).toBe(1);
    expect(activeEntry(viewEntries([]), { filter: { flagged: true }, sort })).toBe(-1);
    const [chip] = filterChips({ flagged: true }, (id) => id);
    expect(chip?.label).toBe('Flagged by a watch rule');
    expect(chip?.without({ flagged: true, verdict: 'failure' })).toEqual({ flagged: undefined, verdict: 'failure' });
  });
});
