/** Measurements on decoded audio for the redaction tests: level and how much of it is one tone. */

export interface SpanMeasure {
  /** root mean square over every channel, 0..1 of full scale. */
  rms: number;
  /** the share of the energy at `toneHz` (1 for a pure tone, near 0 for speech or silence). */
  toneShare: number;
  peak: number;
}

function goertzelPower(samples: Float32Array, sampleRate: number, hz: number): number {
  const w = (2 * Math.PI * hz) / sampleRate;
  const coefficient = 2 * Math.cos(w);
  let previous = 0;
  let beforePrevious = 0;
  for (const sample of samples) {
    const current = sample + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const magnitudeSquared = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  // amplitude of the tone = 2|X|/N; its power = amplitude² / 2
  return (2 * magnitudeSquared) / (samples.length * samples.length);
}

export function measureSpan(channels: readonly Float32Array[], sampleRate: number, startMs: number, endMs: number, toneHz = 1000): SpanMeasure {
  const from = Math.max(0, Math.floor((startMs * sampleRate) / 1000));
  let energy = 0;
  let count = 0;
  let tonePower = 0;
  let peak = 0;
  for (const channel of channels) {
    const to = Math.min(channel.length, Math.ceil((endMs * sampleRate) / 1000));
    const piece = channel.subarray(from, to);
    let channelEnergy = 0;
    for (const sample of piece) {
      channelEnergy += sample * sample;
      peak = Math.max(peak, Math.abs(sample));
    }
    energy += channelEnergy;
    count += piece.length;
    tonePower += piece.length > 0 ? goertzelPower(piece, sampleRate, toneHz) * piece.length : 0;
  }
  const meanSquare = count > 0 ? energy / count : 0;
  return { rms: Math.sqrt(meanSquare), toneShare: meanSquare > 0 ? tonePower / count / meanSquare : 0, peak };
}

/** Frames where the two recordings differ by more than one 16-bit step, between two times. */
export function differingFrames(a: readonly Float32Array[], b: readonly Float32Array[], sampleRate: number, startMs: number, endMs: number): number {
  const from = Math.max(0, Math.floor((startMs * sampleRate) / 1000));
  let differing = 0;
  for (let c = 0; c < a.length; c++) {
    const x = a[c];
    const y = b[c];
    if (!x || !y) return Number.POSITIVE_INFINITY;
    const to = Math.min(x.length, y.length, Math.ceil((endMs * sampleRate) / 1000));
    for (let i = from; i < to; i++) if (Math.abs((x[i] ?? 0) - (y[i] ?? 0)) > 1.5 / 32768) differing++;
  }
  return differing;
}

/** The complement of `spans` (padded by `marginMs`) within [0, durationMs). */
export function gapsBetween(spans: readonly { start_ms: number; end_ms: number }[], durationMs: number, marginMs: number): { start_ms: number; end_ms: number }[] {
  const gaps: { start_ms: number; end_ms: number }[] = [];
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start_ms - b.start_ms)) {
    if (span.start_ms - marginMs > cursor) gaps.push({ start_ms: cursor, end_ms: span.start_ms - marginMs });
    cursor = Math.max(cursor, span.end_ms + marginMs);
  }
  if (cursor < durationMs) gaps.push({ start_ms: cursor, end_ms: durationMs });
  return gaps;
}
