/**
 * Smallest and largest of a list, null when it is empty. `Math.min(...values)` passes every value
 * as an argument and throws a RangeError past about 100,000 of them: one long payload was a 500.
 */
export function minOf(values: readonly number[]): number | null {
  let least: number | null = null;
  for (const value of values) if (least === null || value < least) least = value;
  return least;
}

export function maxOf(values: readonly number[]): number | null {
  let most: number | null = null;
  for (const value of values) if (most === null || value > most) most = value;
  return most;
}
