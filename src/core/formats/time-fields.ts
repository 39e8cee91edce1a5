import { z } from 'zod';

/**
 * Numbers that are times (instants, offsets, durations), bounded by what a JavaScript date can
 * hold: ±8.64e15 ms, about 273,000 years either side of 1970. Anything beyond is not a time of any
 * call, and once turned into milliseconds from the call start it no longer fits SQLite's integers:
 * `start_time: 99999999999999999999` was a 500 (issue 17). Refused here, the 422 names the field.
 */
export const MAX_TIME_MS = 8.64e15;
const MAX_TIME_SECONDS = MAX_TIME_MS / 1000;

const outOfRange = (unit: string, max: number) => ({ message: `not a time: outside ±${max} ${unit}` });

/** Epoch or relative milliseconds. */
export const timeMs = z.number().finite().min(-MAX_TIME_MS, outOfRange('ms', MAX_TIME_MS)).max(MAX_TIME_MS, outOfRange('ms', MAX_TIME_MS));

/** Epoch or relative seconds. */
export const timeSeconds = z
  .number()
  .finite()
  .min(-MAX_TIME_SECONDS, outOfRange('s', MAX_TIME_SECONDS))
  .max(MAX_TIME_SECONDS, outOfRange('s', MAX_TIME_SECONDS));

/** A duration in minutes (Bland's call_length). */
export const timeMinutes = z
  .number()
  .finite()
  .min(-MAX_TIME_SECONDS / 60, outOfRange('min', MAX_TIME_SECONDS / 60))
  .max(MAX_TIME_SECONDS / 60, outOfRange('min', MAX_TIME_SECONDS / 60));
