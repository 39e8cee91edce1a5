import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseRecording } from '../../src/main/audio/analyse';
import { decodeAudioFile } from '../../src/main/audio/decode';
import { applyLine, CLEAN_LINE, generateCall, scenario, type GeneratedCall, type LineCondition } from '../support/audio-generate';
import { present } from '../support/present';

/*
 * Telephony conditions applied to a generated call, checked on the delivered files with soxi,
 * sox and the project's decoder: coding and rate, noise level, the quiet caller's gain, the
 * telephone band, and speech still where the truth says (an MP3 without a LAME tag included).
 */

let dir = '';
let call: GeneratedCall;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callscope-audio-line-'));
  call = await generateCall({ ...scenario('basic', 3), agentChannel: 1 }, dir);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const line = (rest: Partial<LineCondition>): LineCondition => ({ ...CLEAN_LINE, name: 'test', ...rest });
const soxi = (flag: string, path: string): string => execFileSync('/usr/bin/soxi', [flag, path], { encoding: 'utf8' }).trim();

function rmsDb(samples: Float32Array, sampleRate: number, fromMs: number, toMs: number): number {
  const from = Math.max(0, Math.round((fromMs * sampleRate) / 1000));
  const to = Math.min(samples.length, Math.round((toMs * sampleRate) / 1000));
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-20);
}

/** RMS dB of one channel of a file after a sox effect chain (e.g. a low-pass); sox prints `stat` on stderr. */
function soxRmsDb(path: string, channel: number, effects: string[]): number {
  const result = spawnSync('/usr/bin/sox', [path, '-n', 'remix', String(channel + 1), ...effects, 'stat'], { encoding: 'utf8' });
  return 20 * Math.log10(Number(/RMS\s+amplitude:\s+([0-9.]+)/.exec(result.stderr)?.[1]));
}

/** Stretches of the call where nobody speaks, at least 300 ms long and 30 ms clear of speech. */
function silences(): { start_ms: number; end_ms: number }[] {
  const spans = [...call.truth.utterances].sort((a, b) => a.start_ms - b.start_ms);
  const gaps: { start_ms: number; end_ms: number }[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.start_ms - 30 - cursor >= 300) gaps.push({ start_ms: cursor, end_ms: span.start_ms - 30 });
    cursor = Math.max(cursor, span.end_ms + 30);
  }
  return gaps;
}

describe('applyLine', () => {

  it.each([
    { coding: 'mulaw', sampleRate: 8000, encoding: 'u-law', bits: '8' },
    { coding: 'alaw', sampleRate: 8000, encoding: 'A-law', bits: '8' },
    { coding: 'pcm16', sampleRate: 16000, encoding: 'Signed Integer PCM', bits: '16' },
    { coding: 'pcm16', sampleRate: 24000, encoding: 'Signed Integer PCM', bits: '16' },
  ] as const)('$coding at $sampleRate Hz: a stereo WAV of that coding, as long as the call, the truth unchanged', async ({ coding, sampleRate, encoding, bits }) => {
    const delivered = await applyLine(call, line({ coding, sampleRate }), dir);
    expect(soxi('-r', delivered.path)).toBe(String(sampleRate));
    expect(soxi('-c', delivered.path)).toBe('2');
    expect(soxi('-e', delivered.path)).toBe(encoding);
    expect(soxi('-b', delivered.path)).toBe(bits);
    expect(Number(soxi('-D', delivered.path)) * 1000).toBeCloseTo(call.durationMs, 0);
    expect(delivered.truth).toEqual(call.truth);
    expect(delivered.agentChannel).toBe(1);
  });

  it.each([
    { kind: 'pink', db: -36 },
    { kind: 'babble', db: -30 },
  ] as const)('$kind noise at $db dBFS on both channels, different on each', async ({ kind, db }) => {
    const delivered = await applyLine(call, line({ noise: { kind, db } }), dir);
    const audio = await decodeAudioFile(delivered.path);
    const quiet = silences();
    expect(quiet.length).toBeGreaterThan(2);
    for (const samples of audio.channels) {
      const whole = quiet.map((gap) => rmsDb(samples, audio.sampleRate, gap.start_ms, gap.end_ms));
      for (const level of whole) expect(Math.abs(level - db)).toBeLessThan(kind === 'pink' ? 1.5 : 4);
    }
    const [left, right] = audio.channels;
    expect(present(left, 'the left channel').subarray(0, 4000)).not.toEqual(present(right, 'the right channel').subarray(0, 4000));
  }, 30_000);

  it('a quiet caller: the caller channel exactly 20 dB down, the agent untouched', async () => {
    const clean = await applyLine(call, CLEAN_LINE, dir);
    const quiet = await applyLine(call, line({ userGainDb: -20 }), dir);
    const [a, b] = [await decodeAudioFile(clean.path), await decodeAudioFile(quiet.path)];
    const user = 1 - call.agentChannel;
    const level = (audio: typeof a, channel: number) => rmsDb(audio.channels[channel] ?? new Float32Array(0), audio.sampleRate, 0, call.durationMs);
    expect(level(b, user) - level(a, user)).toBeCloseTo(-20, 1);
    expect(level(b, call.agentChannel)).toBeCloseTo(level(a, call.agentChannel), 3);
  });

  it('band-limited speech: 12 dB less under 250 Hz and 20 dB less over 3.6 kHz than the clean call', async () => {
    const clean = await applyLine(call, CLEAN_LINE, dir);
    const band = await applyLine(call, line({ bandLimited: true }), dir);
    for (const channel of [0, 1]) {
      const below = (path: string) => soxRmsDb(path, channel, ['sinc', '-250']) - soxRmsDb(path, channel, []);
      const above = (path: string) => soxRmsDb(path, channel, ['sinc', '3600']) - soxRmsDb(path, channel, []);
      expect(below(band.path)).toBeLessThan(below(clean.path) - 12);
      expect(above(band.path)).toBeLessThan(above(clean.path) - 20);
    }
  }, 30_000);

  it('an MP3 written without a LAME tag: speech found where the WAV has it (the encoder delay taken off)', async () => {
    const wav = await applyLine(call, CLEAN_LINE, dir);
    const mp3 = await applyLine(call, line({ coding: 'mp3' }), dir);
    expect(mp3.path.endsWith('.mp3')).toBe(true);
    const options = { agentChannel: 1 as const, agentTurns: [], peaksPerSecond: 100 };
    const [fromWav, fromMp3] = [await analyseRecording(wav.path, options), await analyseRecording(mp3.path, options)];
    expect(fromMp3.segments.length).toBe(fromWav.segments.length);
    fromMp3.segments.forEach((segment, k) => {
      expect(Math.abs(segment.start_ms - (fromWav.segments[k]?.start_ms ?? 0))).toBeLessThanOrEqual(10);
    });
  });
});
