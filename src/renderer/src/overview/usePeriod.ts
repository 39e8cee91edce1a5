import { useEffect, useMemo, useState } from 'react';
import type { OverviewPeriod } from '../../../core/api/overview-contract';
import { PERIOD_PRESETS, useOverview } from './store';

const MINUTE = 60_000;

/** A preset as instants ending now (to the minute, so the page's reads share one period and cache it for a minute). */
export function resolvePeriod(preset: string, now: number): OverviewPeriod {
  const hours = PERIOD_PRESETS.find((p) => p.preset === preset)?.hours ?? null;
  if (hours === null) return { start: null, end: null };
  const end = Math.ceil(now / MINUTE) * MINUTE;
  return { start: new Date(end - hours * 3_600_000).toISOString(), end: new Date(end).toISOString() };
}

/** The period the page shows, moving on with the clock each minute. */
export function usePeriod(): { period: OverviewPeriod; label: string } {
  const preset = useOverview((s) => s.preset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  const minute = Math.floor(now / MINUTE);
  const period = useMemo(() => resolvePeriod(preset, minute * MINUTE), [preset, minute]);
  const label = PERIOD_PRESETS.find((p) => p.preset === preset)?.label ?? preset;
  return { period, label };
}
