/**
 * Which channel of a two-channel recording is the agent's (docs/METRICS.md "Audio"): the one the
 * payload names; else the assignment whose speech best overlaps the transcript's agent turns;
 * channel 0 when there is no transcript to tell.
 *
 * "Best overlaps" is measured as intersection over union of speech time: a channel that speaks
 * exactly when the agent does scores 1, and a noisy channel flagged as speech throughout scores
 * low even though it covers every agent turn. Only channels 0 and 1 are candidates.
 */

export interface TimeSpan {
  start_ms: number;
  end_ms: number;
}

export type AgentChannelReason = 'given' | 'transcript' | 'default';

export interface AgentChannelChoice {
  channel: 0 | 1;
  reason: AgentChannelReason;
}

/** Sorted, non-overlapping spans covering the same time as `spans` (empty and reversed ones dropped). */
export function unionOfSpans(spans: readonly TimeSpan[]): TimeSpan[] {
  const sorted = spans.filter((span) => span.end_ms > span.start_ms).sort((a, b) => a.start_ms - b.start_ms);
  const union: TimeSpan[] = [];
  for (const span of sorted) {
    const last = union[union.length - 1];
    if (last && span.start_ms <= last.end_ms) last.end_ms = Math.max(last.end_ms, span.end_ms);
    else union.push({ start_ms: span.start_ms, end_ms: span.end_ms });
  }
  return union;
}

function totalLength(union: readonly TimeSpan[]): number {
  return union.reduce((sum, span) => sum + (span.end_ms - span.start_ms), 0);
}

/** Time covered by both of two unions (each sorted and non-overlapping). */
function sharedLength(a: readonly TimeSpan[], b: readonly TimeSpan[]): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (!x || !y) break;
    shared += Math.max(0, Math.min(x.end_ms, y.end_ms) - Math.max(x.start_ms, y.start_ms));
    if (x.end_ms < y.end_ms) i++;
    else j++;
  }
  return shared;
}

/** Intersection over union of the time two sets of spans cover; 0 when neither covers any. */
export function speechAgreement(a: readonly TimeSpan[], b: readonly TimeSpan[]): number {
  const unionA = unionOfSpans(a);
  const unionB = unionOfSpans(b);
  const shared = sharedLength(unionA, unionB);
  const covered = totalLength(unionA) + totalLength(unionB) - shared;
  return covered > 0 ? shared / covered : 0;
}

export function chooseAgentChannel(
  channelSegments: readonly (readonly TimeSpan[])[],
  agentTurns: readonly TimeSpan[],
  given: 0 | 1 | null,
): AgentChannelChoice {
  if (given !== null) return { channel: given, reason: 'given' };
  const agreement0 = speechAgreement(channelSegments[0] ?? [], agentTurns);
  const agreement1 = speechAgreement(channelSegments[1] ?? [], agentTurns);
  // a tie (no transcript, no speech, or no overlap on either side) tells nothing
  if (agreement0 === agreement1) return { channel: 0, reason: 'default' };
  return { channel: agreement1 > agreement0 ? 1 : 0, reason: 'transcript' };
}
