import type { CallSet } from './figures';

/**
 * The reply latencies of A and B on the same bins, for the overlaid plot: each bin's share of its
 * set's replies (sets of different sizes compare). Bins reach the larger p99, the last bin holds
 * everything beyond.
 */

export interface ReplyDistribution {
  /** each bin's lower edge, ms; the bins are `bin_ms` wide */
  edges_ms: number[];
  bin_ms: number;
  a: { count: number[]; share: number[]; replies: number };
  b: { count: number[]; share: number[]; replies: number };
}

const BINS = 40;
/** round bin widths: 10, 20, 25, 50, 100, 200, 250, 500 ms ... */
function niceWidth(span: number): number {
  const raw = Math.max(1, span / BINS);
  const scale = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * scale >= raw) ?? 10;
  return step * scale;
}

function p99(sorted: Float64Array): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length, Math.ceil(0.99 * sorted.length)) - 1] ?? 0);
}

function histogram(sorted: Float64Array, width: number, bins: number) {
  const count = new Array<number>(bins).fill(0);
  for (const ms of sorted) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor(ms / width)));
    count[i] = (count[i] ?? 0) + 1;
  }
  return { count, share: count.map((c) => (sorted.length > 0 ? c / sorted.length : 0)), replies: sorted.length };
}

export function replyDistribution(a: CallSet, b: CallSet): ReplyDistribution {
  const top = Math.max(p99(a.replyMs), p99(b.replyMs));
  const width = niceWidth(top);
  const bins = Math.max(1, Math.min(BINS + 1, Math.ceil(top / width) + 1));
  return {
    edges_ms: Array.from({ length: bins }, (_, i) => i * width),
    bin_ms: width,
    a: histogram(a.replyMs, width, bins),
    b: histogram(b.replyMs, width, bins),
  };
}
