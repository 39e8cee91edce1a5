import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { utteranceCacheDir } from './generate-call';
import { renderNoisePair, type NoiseKind } from './noise';
import { sox } from './run-tool';
import type { GeneratedCall } from './types';

/**
 * What a phone line does to a call: the coding and rate it is stored at (8 kHz µ-law or A-law as
 * telephony records it, 16 or 24 kHz PCM as voice platforms do, MP3 as some export), line or room
 * noise, a caller much quieter than the agent, and speech cut to the telephone band. Applied to a
 * generated (16 kHz, clean) call: the truth, which is about when speech happens, stays the same.
 */
export type LineCoding = 'pcm16' | 'mulaw' | 'alaw' | 'mp3';

export interface LineCondition {
  /** a short name for tables, e.g. '8k µ-law, pink -36'. */
  name: string;
  coding: LineCoding;
  sampleRate: 8000 | 16000 | 24000;
  /** noise on both channels at this RMS level (dBFS, measured at 16 kHz before coding); null for none. */
  noise: { kind: NoiseKind; db: number } | null;
  /** gain on the caller's channel in dB (-20: a caller 20 dB quieter than the agent); 0 leaves it. */
  userGainDb: number;
  /** the speech of both channels band-passed to 300-3400 Hz, as a narrowband phone line carries it. */
  bandLimited: boolean;
}

/** A generated call as the line delivered it. */
export interface LineCall extends Omit<GeneratedCall, 'wavPath'> {
  /** the recording: a WAV, or an MP3 (without a LAME info tag, as sox writes it) for the mp3 coding. */
  path: string;
  line: LineCondition;
}

export const CLEAN_LINE: LineCondition = { name: '16k PCM, clean', coding: 'pcm16', sampleRate: 16000, noise: null, userGainDb: 0, bandLimited: false };

/** sox output options for each coding (placed before the output file). */
function outputOptions(line: LineCondition): string[] {
  const rate = ['-r', String(line.sampleRate)];
  switch (line.coding) {
    case 'pcm16':
      return [...rate, '-e', 'signed-integer', '-b', '16'];
    case 'mulaw':
      return [...rate, '-e', 'u-law', '-b', '8'];
    case 'alaw':
      return [...rate, '-e', 'a-law', '-b', '8'];
    case 'mp3':
      return rate;
  }
}

/** A file name that says the condition (and is safe on every file system). */
function fileStem(line: LineCondition): string {
  const noise = line.noise ? `${line.noise.kind}${line.noise.db}` : 'clean';
  return [line.coding, line.sampleRate, noise, line.userGainDb !== 0 ? `user${line.userGainDb}dB` : '', line.bandLimited ? 'band' : ''].filter(Boolean).join('-');
}

/**
 * Writes `call` (a generated stereo 16 kHz WAV) as delivered over `line` into outDir. Each
 * channel gets the caller's gain (on the caller's channel) and the band limit, then its own noise;
 * the pair is resampled and coded in one sox run (sox's resampler is linear-phase, so speech
 * keeps its place to the sample).
 */
export async function applyLine(call: GeneratedCall, line: LineCondition, outDir: string): Promise<LineCall> {
  await mkdir(outDir, { recursive: true });
  const base = call.wavPath.split('/').pop()?.replace(/\.wav$/, '') ?? 'call';
  const path = join(outDir, `${base}-${fileStem(line)}.${line.coding === 'mp3' ? 'mp3' : 'wav'}`);
  const workDir = join(outDir, `.line-${randomUUID()}`);
  await mkdir(workDir, { recursive: true });
  try {
    const totalSamples = Math.round(call.durationMs * 16);
    const userChannel = 1 - call.agentChannel;
    const channels = await Promise.all(
      [0, 1].map(async (channel) => {
        const speech = join(workDir, `speech${channel}.wav`);
        const effects = ['remix', String(channel + 1)];
        if (channel === userChannel && line.userGainDb !== 0) effects.push('vol', `${line.userGainDb}dB`);
        if (line.bandLimited) effects.push('sinc', '300-3400');
        await sox([call.wavPath, speech, ...effects]);
        return speech;
      }),
    );
    let inputs = channels;
    if (line.noise) {
      const noise = await renderNoisePair(line.noise.kind, line.noise.db, totalSamples, utteranceCacheDir(outDir), workDir);
      inputs = await Promise.all(
        channels.map(async (speech, channel) => {
          const noisy = join(workDir, `noisy${channel}.wav`);
          await sox(['-m', '-v', '1', speech, '-v', '1', noise[channel] ?? '', noisy]);
          return noisy;
        }),
      );
    }
    const partial = join(workDir, `line.${line.coding === 'mp3' ? 'mp3' : 'wav'}`);
    await sox(['-M', ...inputs, ...outputOptions(line), partial]);
    await rename(partial, path);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  const { wavPath: _source, ...rest } = call;
  return { ...rest, path, line };
}
