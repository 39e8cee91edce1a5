import { instantMs } from '../model/time';

/** The wall-clock instant of a time inside a call, when both are known. */
export function instantAt(startedAt: string | null, offsetMs: number | null): string | null {
  const base = instantMs(startedAt);
  return base === null || offsetMs === null ? null : new Date(base + offsetMs).toISOString();
}
