import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDecodedAudio, analyseRecording } from '../../src/main/audio/analyse';
import { decodeAudioFile } from '../../src/main/audio/decode';

/**
 * Real files made with sox and espeak-ng: WAV in every sample format we read, speech at known
 * offsets (clean and over pink noise), a two-speaker call, an hour-long recording, and MP3.
 */

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'callscope-audio-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string): string => join(dir, name);

/** sox without dither (-D) and with repeatable noise (-R): the same samples on every run. */
function sox(...args: string[]): Buffer {
  return execFileSync('sox', ['-D', '-R', ...args], { maxBuffer: 512 * 1024 * 1024 });
}

/** What sox itself decodes a file to: interleaved 32-bit floats. */
function soxFloats(path: string): Float32Array {
  const raw = sox(path, '-t', 'f32', '-');
  return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
}

/** Every decoded sample against sox's interleaved ones (one message at the first difference, not a diff of 88,200 numbers). */
function expectSoxSamples(channels: Float32Array[], interleaved: Float32Array, tolerance: number): void {
  const frames = channels[0]?.length ?? 0;
  expect(frames * channels.length).toBe(interleaved.length);
  channels.forEach((samples, c) => {
    for (let i = 0; i < frames; i++) {
      const expected = interleaved[i * channels.length + c] ?? NaN;
      if (!(Math.abs((samples[i] ?? NaN) - expected) <= tolerance)) expect.fail(`channel ${c}, frame ${i}: decoded ${samples[i]}, sox ${expected}`);
    }
  });
}

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const value of samples) sum += value * value;
  return Math.sqrt(sum / samples.length);
}

function zeroCrossings(samples: Float32Array): number {
  let count = 0;
  for (let i = 1; i < samples.length; i++) if (((samples[i - 1] ?? 0) < 0) !== ((samples[i] ?? 0) < 0)) count++;
  return count;
}

/** Nearest-rank percentile (docs/METRICS.md §7). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

describe('decodeAudioFile: WAV', () => {
  const cases = [8, 16, 24, 32].flatMap((bits) => [8000, 16000, 44100].flatMap((rate) => [1, 2].map((channels) => ({ bits, rate, channels }))));

  it.each(cases)('$bits-bit $rate Hz $channels-channel PCM: sox\'s own samples, a 440/1000 Hz sine at RMS 0.354', async ({ bits, rate, channels }) => {
    const path = file(`sine-${bits}-${rate}-${channels}.wav`);
    const encoding = bits === 8 ? 'unsigned-integer' : 'signed-integer';
    const sines = channels === 2 ? ['sine', '440', 'sine', '1000'] : ['sine', '440'];
    sox('-n', '-r', String(rate), '-c', String(channels), '-b', String(bits), '-e', encoding, path, 'synth', '0.5', ...sines, 'vol', '0.5');
    const audio = await decodeAudioFile(path);
    expect(audio.sampleRate).toBe(rate);
    expect(audio.channels).toHaveLength(channels);
    expect(audio.durationMs).toBe(500);
    audio.channels.forEach((samples, c) => {
      expect(samples).toHaveLength(rate / 2);
      expect(rms(samples)).toBeCloseTo(0.5 / Math.SQRT2, 2);
      // a sine crosses zero twice a period: 0.5 s of 440 Hz (channel 0) or 1000 Hz (channel 1)
      expect(Math.abs(zeroCrossings(samples) - (c === 0 ? 440 : 1000))).toBeLessThanOrEqual(2);
    });
    // sox hands 32-bit samples out at 24-bit precision; we keep all 32
    expectSoxSamples(audio.channels, soxFloats(path), bits === 32 ? 2 ** -23 : 0);
  });

  it.each([
    { name: '32-bit float', args: ['-e', 'floating-point', '-b', '32'] },
    { name: '64-bit float', args: ['-e', 'floating-point', '-b', '64'] },
    { name: 'µ-law', args: ['-e', 'u-law', '-b', '8'] },
    { name: 'A-law', args: ['-e', 'a-law', '-b', '8'] },
    { name: '4-channel 24-bit (WAVE_FORMAT_EXTENSIBLE)', args: ['-c', '4', '-b', '24'] },
  ])('$name: the same samples as sox reads', async ({ name, args }) => {
    const path = file(`${name.replace(/\W+/g, '-')}.wav`);
    const channels = args.includes('4') ? 4 : 2;
    sox('-n', '-r', '16000', '-c', String(channels), ...args, path, 'synth', '0.25', 'sine', '300', 'sine', '700', 'vol', '0.7');
    const audio = await decodeAudioFile(path);
    expect(audio.channels).toHaveLength(channels);
    expect(audio.channels[0]).toHaveLength(4000);
    expectSoxSamples(audio.channels, soxFloats(path), 1e-7);
    expect(rms(audio.channels[0] ?? new Float32Array(0))).toBeCloseTo(0.7 / Math.SQRT2, 2);
  });

  it('walks odd-sized chunks before the data, even when that leaves the samples misaligned', async () => {
    const source = file('float-source.wav');
    sox('-n', '-r', '8000', '-c', '2', '-e', 'floating-point', '-b', '32', source, 'synth', '0.1', 'sine', '500', 'vol', '0.5');
    const samples = soxFloats(source);
    const data = new Uint8Array(samples.buffer);
    // RIFF/WAVE, fmt (16 bytes: float, 2 channels, 8 kHz), a 1-byte chunk (+1 pad byte), data at offset 54
    const header = new DataView(new ArrayBuffer(54));
    const ascii = (at: number, text: string): void => [...text].forEach((char, i) => header.setUint8(at + i, char.charCodeAt(0)));
    ascii(0, 'RIFF');
    header.setUint32(4, 46 + data.length, true);
    ascii(8, 'WAVE');
    ascii(12, 'fmt ');
    header.setUint32(16, 16, true);
    header.setUint16(20, 3, true);
    header.setUint16(22, 2, true);
    header.setUint32(24, 8000, true);
    header.setUint32(28, 8000 * 8, true);
    header.setUint16(32, 8, true);
    header.setUint16(34, 32, true);
    ascii(36, 'odd1');
    header.setUint32(40, 1, true);
    ascii(46, 'data');
    header.setUint32(50, data.length, true);
    const path = file('odd-chunk.wav');
    writeFileSync(path, Buffer.concat([new Uint8Array(header.buffer), data]));
    const audio = await decodeAudioFile(path);
    expect(audio.channels[0]).toEqual(samples.filter((_, i) => i % 2 === 0));
    expect(audio.channels[1]).toEqual(samples.filter((_, i) => i % 2 === 1));
  });

  it('reads to the end of the file when a streaming writer left the data size at 0 or 0xFFFFFFFF', async () => {
    const path = file('streamed.wav');
    sox('-n', '-r', '16000', '-c', '1', '-b', '16', path, 'synth', '0.3', 'sine', '440', 'vol', '0.5');
    const bytes = readFileSync(path);
    expect(bytes.toString('latin1', 36, 40)).toBe('data');
    for (const size of [0, 0xffffffff]) {
      bytes.writeUInt32LE(size, 40);
      writeFileSync(path, bytes);
      const audio = await decodeAudioFile(path);
      expect(audio.channels[0]).toHaveLength(4800);
      expect(rms(audio.channels[0] ?? new Float32Array(0))).toBeCloseTo(0.354, 2);
    }
  });
});

describe('decodeAudioFile: what it cannot read', () => {
  it.each([
    { name: 'an empty file', make: (path: string) => writeFileSync(path, ''), ext: 'wav', message: /empty/ },
    { name: 'a text file', make: (path: string) => writeFileSync(path, 'call notes, not audio'), ext: 'txt', message: /not a recognised audio file.*Supported formats: WAV.*MP3/ },
    { name: 'Ogg Vorbis', make: (path: string) => sox('-n', '-r', '16000', path, 'synth', '0.2', 'sine', '440'), ext: 'ogg', message: /Ogg.*Supported formats/ },
    { name: 'FLAC', make: (path: string) => sox('-n', '-r', '16000', path, 'synth', '0.2', 'sine', '440'), ext: 'flac', message: /FLAC/ },
    { name: 'ADPCM in a WAV', make: (path: string) => sox('-n', '-r', '8000', '-e', 'ms-adpcm', path, 'synth', '0.2', 'sine', '440'), ext: 'wav', message: /Microsoft ADPCM.*Supported formats/ },
  ])('$name: a clear error', async ({ name, make, ext, message }) => {
    const path = file(`bad-${name.replace(/\W+/g, '-')}.${ext}`);
    make(path);
    await expect(decodeAudioFile(path)).rejects.toThrow(message);
    await expect(analyseRecording(path, { agentChannel: null, agentTurns: [], peaksPerSecond: 100 })).rejects.toThrow(message);
  });

  it('a truncated WAV: cut in the header or in the samples', async () => {
    const whole = file('whole.wav');
    sox('-n', '-r', '16000', '-c', '2', '-b', '16', whole, 'synth', '1', 'sine', '440');
    const bytes = readFileSync(whole);
    for (const [name, length] of [['head', 30], ['samples', 20000]] as const) {
      const path = file(`cut-${name}.wav`);
      writeFileSync(path, bytes.subarray(0, length));
      await expect(decodeAudioFile(path)).rejects.toThrow(/cut-.*truncated/);
    }
  });
});

interface Utterance {
  text: string;
  voice: string;
}

interface Clip {
  path: string;
  samples: number;
}

const RATE = 16000;
/** The call generator's truth (test/support/audio-generate/render.ts): audible from 0.5 % of full scale. */
const AUDIBLE = Math.round(0.005 * 32768);

/** espeak-ng speech at 16 kHz, cut to where it is audible. */
function renderClip(utterance: Utterance, name: string): Clip {
  const raw = file(`${name}-espeak.wav`);
  const converted = file(`${name}-16k.wav`);
  execFileSync('espeak-ng', ['-v', utterance.voice, '-w', raw, utterance.text]);
  sox(raw, '-r', String(RATE), '-c', '1', '-b', '16', converted);
  const pcm = sox(converted, '-t', 's16', '-');
  const samples = new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength));
  const audible = samples.reduce<number[]>((found, value, i) => (Math.abs(value) >= AUDIBLE ? [found[0] ?? i, i] : found), []);
  const [first = 0, last = 0] = audible;
  const path = file(`${name}.wav`);
  sox(converted, path, 'trim', `${first}s`, `${last + 1 - first}s`);
  return { path, samples: last + 1 - first };
}

/** One 16 kHz mono channel: each clip at its sample offset, silence elsewhere, `total` samples long. */
function placeClips(placed: { clip: Clip; at: number }[], total: number, out: string): void {
  if (placed.length === 0) {
    sox('-n', '-r', String(RATE), '-c', '1', '-b', '16', out, 'trim', '0', `${total}s`);
    return;
  }
  let cursor = 0;
  const pieces = [...placed]
    .sort((a, b) => a.at - b.at)
    .map(({ clip, at }, k, all) => {
      const padded = file(`${out.split('/').pop()}-${k}.wav`);
      const after = k === all.length - 1 ? total - at - clip.samples : 0;
      sox(clip.path, padded, 'pad', `${at - cursor}s`, `${after}s`);
      cursor = at + clip.samples;
      return padded;
    });
  sox(...pieces, out);
}

/** Pink noise at `db` RMS dBFS mixed into a mono file. */
function addNoise(path: string, total: number, db: number, out: string): void {
  const noise = file(`noise-${total}.wav`);
  sox('-r', String(RATE), '-n', '-r', String(RATE), '-c', '1', '-b', '16', noise, 'synth', `${total}s`, 'pinknoise');
  const gain = 10 ** (db / 20) / rms(soxFloats(noise));
  sox('-m', '-v', '1', path, '-v', gain.toFixed(6), noise, out);
}

const SPEECH: Utterance[] = [
  { text: 'Thanks for calling Riverside Dental, this is Ava. How can I help you today?', voice: 'en-us' },
  { text: 'Hi, I need to book a cleaning.', voice: 'en-gb' },
  { text: 'Sure, I can help with that. Can I have your full name, please?', voice: 'en-us+f3' },
  { text: 'It is Jordan Miller.', voice: 'en-gb-scotland' },
  { text: 'Thank you. And what is your date of birth?', voice: 'en-gb+f4' },
  { text: 'March fourth, nineteen eighty seven.', voice: 'en-us+m3' },
  { text: 'We have an opening on Tuesday at ten in the morning.', voice: 'en-us' },
  { text: 'Tuesday would be perfect.', voice: 'en-us+f3' },
  { text: 'Is the phone number ending in four five two still the best way to reach you?', voice: 'en-gb' },
  { text: 'Yes, that number is fine.', voice: 'en-gb+f4' },
  { text: 'mm-hmm', voice: 'en-us+m3' },
  { text: 'Thanks for calling, have a great day.', voice: 'en-gb-scotland' },
  { text: 'Fine.', voice: 'en-us' },
  { text: 'She sells seashells by the seashore.', voice: 'en-us+f3' },
];
/** Silence before each utterance (ms): all longer than the hangover, some just. */
const GAPS_MS = [730, 1210, 450, 1900, 320, 860, 1500, 610, 2400, 390, 1020, 700, 1330, 540];

interface Span {
  start_ms: number;
  end_ms: number;
}

/** Boundary errors of the detected spans against each true utterance (first start, last end). */
function boundaryErrors(truth: Span[], found: Span[]): { errors: number[]; missed: number; extra: number } {
  const near = (a: Span, b: Span): boolean => a.end_ms > b.start_ms - 150 && a.start_ms < b.end_ms + 150;
  const errors: number[] = [];
  let missed = 0;
  for (const utterance of truth) {
    const hits = found.filter((span) => near(span, utterance));
    const first = hits[0];
    const last = hits[hits.length - 1];
    if (!first || !last) missed++;
    else errors.push(Math.abs(first.start_ms - utterance.start_ms), Math.abs(last.end_ms - utterance.end_ms));
  }
  return { errors, missed, extra: found.filter((span) => !truth.some((utterance) => near(span, utterance))).length };
}

describe('voice activity on espeak-ng speech', () => {
  let clean = '';
  let truth: Span[] = [];
  let total = 0;

  beforeAll(() => {
    const clips = SPEECH.map((utterance, k) => renderClip(utterance, `speech-${k}`));
    let at = 0;
    const placed = clips.map((clip, k) => {
      at += Math.round(((GAPS_MS[k] ?? 500) * RATE) / 1000);
      const place = { clip, at };
      at += clip.samples;
      return place;
    });
    total = at + RATE / 2;
    truth = placed.map(({ clip, at: offset }) => ({ start_ms: (offset * 1000) / RATE, end_ms: ((offset + clip.samples) * 1000) / RATE }));
    clean = file('speech-clean.wav');
    placeClips(placed, total, clean);
  }, 60_000);

  // Noise levels are RMS dBFS of pink noise; the speech peaks near 0 dBFS, its RMS is about -20.
  it.each([
    { noiseDb: null, median: 30, p95: 80 },
    { noiseDb: -55, median: 30, p95: 80 },
    { noiseDb: -50, median: 30, p95: 80 },
    // Louder noise buries weak onsets ("h", "th", "f") and the long decays of the +f3/+f4 voices
    // under the 9 dB bar: they are audible by the truth's rule but not speech by METRICS.md's.
    { noiseDb: -45, median: 30, p95: 130 },
  ])('noise $noiseDb dBFS: boundary error median <= $median ms, p95 <= $p95 ms', async ({ noiseDb, median, p95 }) => {
    let path = clean;
    if (noiseDb !== null) {
      path = file(`speech-noise${noiseDb}.wav`);
      addNoise(clean, total, noiseDb, path);
    }
    const analysis = await analyseRecording(path, { agentChannel: null, agentTurns: [], peaksPerSecond: 100 });
    const { errors, missed, extra } = boundaryErrors(truth, analysis.segments);
    const figures = { median: percentile(errors, 0.5), p90: percentile(errors, 0.9), p95: percentile(errors, 0.95), max: Math.max(...errors) };
    console.log(`VAD, noise ${noiseDb ?? 'none'}: ${JSON.stringify(figures)} over ${errors.length} boundaries; missed ${missed}, extra ${extra}`);
    expect(missed).toBe(0);
    expect(extra).toBe(0);
    expect(figures.median).toBeLessThanOrEqual(median);
    expect(figures.p95).toBeLessThanOrEqual(p95);
  });
});

describe('analyseRecording', () => {
  it('a two-speaker call: the agent channel from the transcript, speakers, peaks, one pass equal to decode-then-analyse', async () => {
    const agent = [SPEECH[0], SPEECH[2], SPEECH[6]].map((utterance, k) => renderClip(utterance ?? { text: 'Hello.', voice: 'en-us' }, `agent-${k}`));
    const user = [SPEECH[1], SPEECH[3], SPEECH[7]].map((utterance, k) => renderClip(utterance ?? { text: 'Hi.', voice: 'en-gb' }, `user-${k}`));
    // agent, user, agent, ... with 700 ms between turns
    const turns: { clip: Clip; at: number; speaker: 'agent' | 'user' }[] = [];
    let at = Math.round(0.4 * RATE);
    for (let k = 0; k < 3; k++) {
      for (const [speaker, clips] of [['agent', agent], ['user', user]] as const) {
        const clip = clips[k];
        if (!clip) continue;
        turns.push({ clip, at, speaker });
        at += clip.samples + Math.round(0.7 * RATE);
      }
    }
    const total = at;
    // the agent on the right channel (1), the caller on the left (0)
    placeClips(turns.filter((turn) => turn.speaker === 'user'), total, file('call-left.wav'));
    placeClips(turns.filter((turn) => turn.speaker === 'agent'), total, file('call-right.wav'));
    const path = file('call.wav');
    sox('-M', file('call-left.wav'), file('call-right.wav'), path);
    const spanOf = (turn: { clip: Clip; at: number }): Span => ({ start_ms: (turn.at * 1000) / RATE, end_ms: ((turn.at + turn.clip.samples) * 1000) / RATE });
    const agentTurns = turns.filter((turn) => turn.speaker === 'agent').map(spanOf);

    const analysis = await analyseRecording(path, { agentChannel: null, agentTurns, peaksPerSecond: 50 });
    expect(analysis).toMatchObject({ sampleRate: RATE, channelCount: 2, agentChannel: 1, agentChannelReason: 'transcript' });
    expect(analysis.durationMs).toBe(Math.round((total * 1000) / RATE));
    for (const speaker of ['agent', 'user'] as const) {
      const found = analysis.segments.filter((segment) => segment.speaker === speaker);
      expect(found.every((segment) => segment.channel === (speaker === 'agent' ? 1 : 0))).toBe(true);
      const { errors, missed, extra } = boundaryErrors(turns.filter((turn) => turn.speaker === speaker).map(spanOf), found);
      expect({ missed, extra }).toEqual({ missed: 0, extra: 0 });
      expect(Math.max(...errors)).toBeLessThanOrEqual(80);
    }
    expect(analysis.segments.map((segment) => segment.start_ms)).toEqual([...analysis.segments.map((segment) => segment.start_ms)].sort((a, b) => a - b));
    expect(analysis.peaks).toHaveLength(2);
    expect(analysis.peaks[0]).toHaveLength(2 * Math.ceil((total * 50) / RATE));
    expect(analysis.peaks[1]?.length).toBe(analysis.peaks[0]?.length);
    // the first 0.4 s is silent on both channels; the agent speaks first, on channel 1
    expect(Array.from(analysis.peaks[0]?.subarray(0, 40) ?? [])).toEqual(new Array(40).fill(0));
    expect(Math.max(...(analysis.peaks[1] ?? []))).toBeGreaterThan(0.3);

    expect(analyseDecodedAudio(await decodeAudioFile(path), { agentChannel: null, agentTurns, peaksPerSecond: 50 })).toEqual(analysis);
    const given = await analyseRecording(path, { agentChannel: 0, agentTurns, peaksPerSecond: 50 });
    expect(given).toMatchObject({ agentChannel: 0, agentChannelReason: 'given' });
    expect(given.segments.find((segment) => segment.channel === 0)?.speaker).toBe('agent');
    const untold = await analyseRecording(path, { agentChannel: null, agentTurns: [], peaksPerSecond: 50 });
    expect(untold).toMatchObject({ agentChannel: 0, agentChannelReason: 'default' });
  }, 60_000);

  it('a mono recording: speech on channel 0 attributed to nobody', async () => {
    const clip = renderClip({ text: 'Hello, how can I help you today?', voice: 'en-us' }, 'mono-clip');
    const path = file('mono.wav');
    placeClips([{ clip, at: RATE }], clip.samples + 2 * RATE, path);
    const analysis = await analyseRecording(path, { agentChannel: 1, agentTurns: [{ start_ms: 1000, end_ms: 2000 }], peaksPerSecond: 100 });
    expect(analysis).toMatchObject({ channelCount: 1, agentChannel: null, agentChannelReason: 'mono' });
    expect(analysis.segments.length).toBeGreaterThan(0);
    expect(analysis.segments.every((segment) => segment.speaker === null && segment.channel === 0)).toBe(true);
    expect(Math.abs((analysis.segments[0]?.start_ms ?? 0) - 1000)).toBeLessThanOrEqual(30);
  });

  it('an hour of 16 kHz stereo in one streaming pass', async () => {
    // 3 s of tone then 2 s of silence, 720 times; the right channel's tone starts 1 s later
    const unit = file('hour-unit.wav');
    const left = file('hour-unit-left.wav');
    const right = file('hour-unit-right.wav');
    sox('-n', '-r', String(RATE), '-c', '1', '-b', '16', left, 'synth', '3', 'sine', '200', 'vol', '0.1', 'pad', '0', '2');
    sox('-n', '-r', String(RATE), '-c', '1', '-b', '16', right, 'synth', '3', 'sine', '300', 'vol', '0.1', 'pad', '1', '1');
    sox('-M', left, right, unit);
    const path = file('hour.wav');
    sox(unit, path, 'repeat', '719');

    const started = performance.now();
    const analysis = await analyseRecording(path, { agentChannel: null, agentTurns: [], peaksPerSecond: 100 });
    const analyseMs = performance.now() - started;
    const decodeStarted = performance.now();
    const decoded = await decodeAudioFile(path);
    const decodeMs = performance.now() - decodeStarted;
    console.log(`60-minute 16 kHz stereo WAV (230 MB): analyseRecording ${analyseMs.toFixed(0)} ms, decodeAudioFile ${decodeMs.toFixed(0)} ms`);

    expect(decoded.durationMs).toBe(3_600_000);
    expect(analysis.durationMs).toBe(3_600_000);
    const onChannel = (channel: number): AnalysedSpan[] => analysis.segments.filter((segment) => segment.channel === channel);
    expect(onChannel(0)).toHaveLength(720);
    expect(onChannel(1)).toHaveLength(720);
    onChannel(0).forEach((segment, k) => expect(segment).toEqual({ speaker: 'agent', channel: 0, start_ms: 5000 * k, end_ms: 5000 * k + 3000 }));
    onChannel(1).forEach((segment, k) => expect(segment).toEqual({ speaker: 'user', channel: 1, start_ms: 5000 * k + 1000, end_ms: 5000 * k + 4000 }));
    expect(analysis.peaks[0]).toHaveLength(720_000);
    // generous: the goal is 3 s on two cores, but other test files run alongside this one
    expect(analyseMs).toBeLessThan(15_000);
  }, 120_000);
});

type AnalysedSpan = Awaited<ReturnType<typeof analyseRecording>>['segments'][number];

/** The only tests that need mpg123-decoder (`npm install mpg123-decoder`). */
describe('decodeAudioFile: MP3', () => {
  it('a stereo MP3: two channels of the sines it was made from', async () => {
    const path = file('sine.mp3');
    sox('-n', '-r', '16000', '-c', '2', path, 'synth', '2', 'sine', '440', 'sine', '1000', 'vol', '0.5');
    const audio = await decodeAudioFile(path);
    expect(audio.sampleRate).toBe(16000);
    expect(audio.channels).toHaveLength(2);
    expect(Math.abs(audio.durationMs - 2000)).toBeLessThan(150); // the encoder's padding at the end
    audio.channels.forEach((samples, c) => {
      const middle = samples.subarray(4000, 28000); // 1.5 s clear of the edges
      expect(rms(middle)).toBeCloseTo(0.5 / Math.SQRT2, 1);
      expect(Math.abs(zeroCrossings(middle) - (c === 0 ? 1320 : 3000))).toBeLessThanOrEqual(4);
    });
  });

  it('a mono MP3 stays one channel, and its speech is found', async () => {
    const clip = renderClip({ text: 'Is there anything else I can help with?', voice: 'en-gb' }, 'mp3-clip');
    const wav = file('mp3-source.wav');
    placeClips([{ clip, at: RATE }], clip.samples + 2 * RATE, wav);
    const path = file('speech.mp3');
    sox(wav, path);
    const analysis = await analyseRecording(path, { agentChannel: null, agentTurns: [], peaksPerSecond: 100 });
    expect(analysis).toMatchObject({ sampleRate: 16000, channelCount: 1, agentChannel: null });
    expect(analysis.peaks).toHaveLength(1);
    const first = analysis.segments[0];
    const last = analysis.segments[analysis.segments.length - 1];
    // sox writes no LAME tag: the decoder takes LAME's default encoder delay off (it was 69 ms late)
    expect(Math.abs((first?.start_ms ?? 0) - 1000)).toBeLessThanOrEqual(15);
    expect(Math.abs((last?.end_ms ?? 0) - (1000 + (clip.samples * 1000) / RATE))).toBeLessThanOrEqual(30);
  });

  it('a file named .mp3 that is not one: a clear error', async () => {
    const path = file('fake.mp3');
    writeFileSync(path, Buffer.alloc(5000, 7));
    await expect(decodeAudioFile(path)).rejects.toThrow(/fake\.mp3.*no MPEG audio frame/);
  });
});
