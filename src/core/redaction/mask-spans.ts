import type { CallFinding } from '../pii/call-findings';

/** A stretch of the recording to cover, in milliseconds from its start. */
export interface MaskSpan {
  start_ms: number;
  end_ms: number;
}

/**
 * Word and interpolated times are only as good as the transcript: a little margin each side keeps
 * the first and last phoneme of a number from leaking past the cover.
 */
export const MASK_PAD_MS = 50;

/**
 * The spans to cover for these findings: padded, clamped to the recording, sorted and merged
 * where they touch. Findings without times are not placeable and are left to the caller.
 */
export function maskSpans(findings: readonly Pick<CallFinding, 'start_ms' | 'end_ms'>[], durationMs: number, padMs = MASK_PAD_MS): MaskSpan[] {
  const padded = findings
    .flatMap((f) => (f.start_ms === null || f.end_ms === null ? [] : [{ start_ms: Math.max(0, f.start_ms - padMs), end_ms: Math.min(durationMs, f.end_ms + padMs) }]))
    .filter((span) => span.end_ms > span.start_ms)
    .sort((a, b) => a.start_ms - b.start_ms);
  const merged: MaskSpan[] = [];
  for (const span of padded) {
    const last = merged.at(-1);
    if (last && span.start_ms <= last.end_ms) last.end_ms = Math.max(last.end_ms, span.end_ms);
    else merged.push({ ...span });
  }
  return merged;
}

/** The span that contains `ms`, if any (spans sorted, as maskSpans returns them). */
export function spanAt(spans: readonly MaskSpan[], ms: number): MaskSpan | null {
  for (const span of spans) {
    if (span.start_ms > ms) return null;
    if (ms < span.end_ms) return span;
  }
  return null;
}
