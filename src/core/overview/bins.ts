/**
 * The Overview's bins: reply-latency histogram bars and time buckets, as lower edges (the last bin
 * has no upper end). Pure, so the store bins in SQL and the screen labels bars from the same list.
 */

/** 50 ms bars up to 3 s (where most replies are), 500 ms up to 10 s, then one bar for the rest. */
function linearEdges(): number[] {
  const edges: number[] = [];
  for (let ms = 0; ms < 3000; ms += 50) edges.push(ms);
  for (let ms = 3000; ms <= 10_000; ms += 500) edges.push(ms);
  return edges;
}

/** Ten bars a decade from 100 ms to ~32 s (whole milliseconds, so a bar's range reads exactly), below 100 ms one bar. */
function logEdges(): number[] {
  const edges = [0];
  for (let k = 20; k <= 45; k++) edges.push(Math.round(10 ** (k / 10)));
  return edges;
}

export const LATENCY_EDGES = { linear: linearEdges(), log: logEdges() } as const;

/** The bar a value falls in, by the lower edges (the values a histogram query answers are these indexes). */
export function binIndex(edges: readonly number[], value: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((edges[mid] ?? Infinity) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Periods up to two days are shown by the hour, longer ones by the day. */
export const HOURLY_UP_TO_MS = 2 * 86_400_000;

/**
 * The time buckets covering [start, end): whole local hours or local days (a day is 23 or 25 hours
 * across a clock change), the first starting at or before `start`. Answers the edges, one more than the buckets.
 */
export function timeBuckets(start: Date, end: Date): { bucket: 'hour' | 'day'; edges: Date[] } {
  const bucket = end.getTime() - start.getTime() <= HOURLY_UP_TO_MS ? 'hour' : 'day';
  const first =
    bucket === 'hour'
      ? new Date(start.getFullYear(), start.getMonth(), start.getDate(), start.getHours())
      : new Date(start.getFullYear(), start.getMonth(), start.getDate());
  const edges = [first];
  for (let at = first; at < end; ) {
    at =
      bucket === 'hour'
        ? new Date(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours() + 1)
        : new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1);
    edges.push(at);
  }
  return { bucket, edges };
}
