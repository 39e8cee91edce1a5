/**
 * Line quality of one channel of a recording (issue 16; docs/METRICS.md "Line quality"), from the
 * same pass that finds speech: per 20 ms frame its level (dBFS), and the channel's speech spans.
 * - `speech_dbfs`: the speech frames' mean power, in dBFS (how loud the speaker comes through);
 * - `noise_dbfs`: the median level of the frames outside speech (the line's noise floor);
 * - `snr_db`: speech over noise;
 * - `clipping_share`: the share of samples at full scale (|x| >= 0.999);
 * - `dead_air_ms`: the longest stretch of frames under -70 dBFS (no line noise at all: a muted or
 *   dropped line, not a pause), counted from 2 s on (shorter is just digital silence between words).
 * A figure with nothing to measure (no speech, no frames outside speech) is null.
 */
export interface LineQuality {
  speech_dbfs: number | null;
  noise_dbfs: number | null;
  snr_db: number | null;
  clipping_share: number | null;
  dead_air_ms: number;
}

/** One channel's line quality with whose channel it is (null: mono, or a channel past the first two). */
export interface ChannelLine extends LineQuality {
  channel: number;
  speaker: 'agent' | 'user' | null;
}

/** The call's figures the list sorts and filters by: each speaker's SNR, the worse clipping and dead air. */
export function lineFigures(lines: readonly ChannelLine[]): { agent_snr_db: number | null; caller_snr_db: number | null; clipping_share: number | null; dead_air_ms: number | null } {
  const snrOf = (speaker: 'agent' | 'user') => lines.find((line) => line.speaker === speaker)?.snr_db ?? null;
  const clipping = lines.map((line) => line.clipping_share).filter((share): share is number => share !== null);
  return {
    agent_snr_db: snrOf('agent'),
    caller_snr_db: snrOf('user'),
    clipping_share: clipping.length > 0 ? Math.max(...clipping) : null,
    dead_air_ms: lines.length > 0 ? Math.max(...lines.map((line) => line.dead_air_ms)) : null,
  };
}

export const DEAD_AIR_DBFS = -70;
export const DEAD_AIR_MIN_MS = 2000;

export interface FrameLevels {
  /** each frame's RMS level in dBFS. */
  levels: ArrayLike<number>;
  frameMs: number;
  clippedSamples: number;
  samples: number;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

export function lineQuality(frames: FrameLevels, speech: readonly { start_ms: number; end_ms: number }[]): LineQuality {
  const { levels, frameMs } = frames;
  const inSpeech = new Uint8Array(levels.length);
  for (const span of speech) {
    const first = Math.max(0, Math.floor(span.start_ms / frameMs));
    const last = Math.min(levels.length, Math.ceil(span.end_ms / frameMs));
    inSpeech.fill(1, first, last);
  }
  let speechPower = 0;
  let speechFrames = 0;
  const quiet: number[] = [];
  let deadRun = 0;
  let deadLongest = 0;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] ?? -140;
    if (inSpeech[i]) {
      speechPower += 10 ** (level / 10);
      speechFrames++;
    } else quiet.push(level);
    deadRun = level < DEAD_AIR_DBFS ? deadRun + 1 : 0;
    deadLongest = Math.max(deadLongest, deadRun);
  }
  quiet.sort((a, b) => a - b);
  const speechDb = speechFrames > 0 ? 10 * Math.log10(speechPower / speechFrames) : null;
  const noiseDb = quiet.length > 0 ? (quiet[Math.floor((quiet.length - 1) / 2)] ?? null) : null;
  const deadMs = deadLongest * frameMs;
  return {
    speech_dbfs: speechDb === null ? null : round1(speechDb),
    noise_dbfs: noiseDb === null ? null : round1(noiseDb),
    snr_db: speechDb === null || noiseDb === null ? null : round1(speechDb - noiseDb),
    clipping_share: frames.samples > 0 ? frames.clippedSamples / frames.samples : null,
    dead_air_ms: deadMs >= DEAD_AIR_MIN_MS ? deadMs : 0,
  };
}
