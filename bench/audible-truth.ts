import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BANDS, createBandLevelMeter, PART_MS, type BandLevels } from '../src/main/audio/band-levels';
import { decodeAudioFile } from '../src/main/audio/decode';
import { applyLine, type GeneratedCall, type LineCall, type LineCondition, type TruthUtterance } from '../test/support/audio-generate';

/**
 * A second truth for a call on a line (reported beside the generator's, never instead of it): each
 * utterance's edges where its speech, as the line carries it (same coding, rate, band and gain,
 * without the noise), is at least as strong as the line's noise in one of the three bands of a
 * 5 ms part (`band-levels.ts`). The generator's truth counts speech from the first sample over
 * -46 dBFS of the clean 16 kHz clip; under noise at -36 dBFS, or at 8 kHz where a fricative's
 * energy above 4 kHz is not on the line, its first and last tens of milliseconds are under the
 * noise, where no detector reading the line can find them. Scoring against both tells the
 * detector's errors apart from the line's.
 */
export interface AudibleReply {
  /** the generator's reply start (to match measured replies by). */
  at_ms: number;
  /** the reply latency between the audible edges. */
  ms: number;
  /** the audible edges: the agent's start, the caller's end before it. */
  agent_start_ms: number;
  caller_end_ms: number;
}

/** The noise level a part must reach, per band: the median where the channel's speaker is silent. */
function noiseLevels(levels: BandLevels, speech: readonly TruthUtterance[]): number[] {
  const quiet = new Uint8Array(levels.parts).fill(1);
  const guard = Math.round(300 / PART_MS);
  for (const u of speech) quiet.fill(0, Math.max(0, Math.floor(u.start_ms / PART_MS) - guard), Math.min(levels.parts, Math.ceil(u.end_ms / PART_MS) + guard));
  return BANDS.map((band) => {
    const values = Array.from(levels.levels[band]).filter((_, k) => quiet[k] === 1).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? Number.NEGATIVE_INFINITY;
  });
}

/** An utterance's first and last part over the noise in some band, within its true edges; null when none is. */
function audibleEdges(clean: BandLevels, noise: readonly number[], utterance: TruthUtterance): { start_ms: number; end_ms: number } | null {
  const over = (k: number) => BANDS.some((band, b) => (clean.levels[band][k] ?? Number.NEGATIVE_INFINITY) >= (noise[b] ?? Number.POSITIVE_INFINITY));
  const first = Math.floor(utterance.start_ms / PART_MS);
  const last = Math.min(clean.parts - 1, Math.ceil(utterance.end_ms / PART_MS) - 1);
  let from = first;
  while (from <= last && !over(from)) from++;
  if (from > last) return null;
  let to = last;
  while (to > from && !over(to)) to--;
  return { start_ms: Math.max(utterance.start_ms, from * PART_MS), end_ms: Math.min(utterance.end_ms, (to + 1) * PART_MS) };
}

function channelLevels(samples: Float32Array | undefined, sampleRate: number): BandLevels {
  const meter = createBandLevelMeter(sampleRate);
  if (samples) meter.push(samples);
  return meter.finish();
}

/**
 * The call's replies between audible edges on `line` (`delivered` is the call as the line gave
 * it); replies whose caller end or agent start is never over the noise are left out.
 */
export async function audibleReplies(delivered: LineCall, call: GeneratedCall, line: LineCondition, dir: string): Promise<AudibleReply[]> {
  const clean = await applyLine(call, { ...line, name: `${line.name}, no noise`, noise: null }, join(dir, 'audible'));
  try {
    const [heard, carried] = await Promise.all([decodeAudioFile(delivered.path), decodeAudioFile(clean.path)]);
    const channelOf = (u: TruthUtterance) => (u.speaker === 'agent' ? delivered.agentChannel : 1 - delivered.agentChannel);
    const edges = new Map<TruthUtterance, { start_ms: number; end_ms: number } | null>();
    for (const channel of [0, 1]) {
      const speech = delivered.truth.utterances.filter((u) => channelOf(u) === channel);
      const noise = noiseLevels(channelLevels(heard.channels[channel], heard.sampleRate), speech);
      const levels = channelLevels(carried.channels[channel], carried.sampleRate);
      for (const u of speech) edges.set(u, audibleEdges(levels, noise, u));
    }
    return delivered.truth.latencies.flatMap((reply) => {
      const agent = delivered.truth.utterances.find((u) => u.speaker === 'agent' && Math.abs(u.start_ms - reply.at_ms) < 1);
      const caller = delivered.truth.utterances.find((u) => u.speaker === 'user' && Math.abs(u.end_ms - (reply.at_ms - reply.ms)) < 1);
      const start = agent ? edges.get(agent) : null;
      const end = caller ? edges.get(caller) : null;
      return start && end ? [{ at_ms: reply.at_ms, ms: start.start_ms - end.end_ms, agent_start_ms: start.start_ms, caller_end_ms: end.end_ms }] : [];
    });
  } finally {
    await rm(clean.path, { force: true });
  }
}
