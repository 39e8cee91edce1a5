import { describe, expect, it } from 'vitest';
import { formatInstant, instantTitle, utcOffsetLabel } from '../../src/renderer/src/shared/format';

describe('formatInstant (the Started column, the call header)', () => {
  it('writes a four-digit year, month, day and time, unambiguous in any locale', () => {
    const iso = '2026-07-02T05:58:31.000Z';
    const local = new Date(iso);
    const two = (n: number) => String(n).padStart(2, '0');
    expect(formatInstant(iso)).toBe(
      `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())} ${two(local.getHours())}:${two(local.getMinutes())}:${two(local.getSeconds())}`,
    );
    expect(formatInstant(iso)).toMatch(/^2026-0[67]-0[12] \d\d:\d\d:31$/);
    // a list column drops the seconds (the full time is its tooltip)
    expect(formatInstant(iso, 'minute')).toBe(formatInstant(iso).slice(0, 16));
    expect(formatInstant(iso, 'minute')).toMatch(/^2026-0[67]-0[12] \d\d:\d\d$/);
  });

  it('says "—" for an unknown time and keeps text it cannot read', () => {
    expect(formatInstant(null)).toBe('—');
    expect(formatInstant('yesterday')).toBe('yesterday');
  });

  it('says in a tooltip which offset the local time is in', () => {
    const date = new Date('2026-07-02T05:58:31.000Z');
    const offset = -date.getTimezoneOffset();
    const two = (n: number) => String(n).padStart(2, '0');
    const written = `UTC${offset > 0 ? '+' : '−'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
    expect(utcOffsetLabel(date)).toBe(offset === 0 ? 'UTC' : written);
    expect(instantTitle('2026-07-02T05:58:31.000Z')).toBe(`${formatInstant('2026-07-02T05:58:31.000Z')} local time (${utcOffsetLabel(date)})`);
    expect(instantTitle(null)).toBeUndefined();
  });
});
