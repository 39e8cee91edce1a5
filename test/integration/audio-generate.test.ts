import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCall, generateLongCall, scenario, SCENARIO_NAMES, SCENARIO_RANGES, type CallScript, type GeneratedCall, type ScenarioName } from '../support/audio-generate';
import { computeTruth } from '../support/audio-generate/truth';
import { gapsBetween } from '../support/audio-measure';
import { present } from '../support/present';

/*
 * The generated calls are checked against the audio itself, read here by sox (not by the WAV reader
 * the generator and the app share), and against the scripts they were made from.
 */

const RATE = 16_000;
const PER_MS = RATE / 1000;

interface Stereo {
  type: string;
  encoding: string;
  channels: number;
  sampleRate: number;
  bits: number;
  /** one Int16Array per channel. */
  samples: Int16Array[];
}

/** One field of soxi's answer (`-t` type, `-e` encoding, `-c` channels, `-r` rate, `-b` bits, `-D` seconds). */
const soxi = (flag: string, path: string): string => execFileSync('/usr/bin/soxi', [flag, path], { encoding: 'utf8' }).trim();
const soxiSeconds = (path: string): number => Number(soxi('-D', path));

/** The recording, or the stretch [fromMs, toMs) of it. */
function readStereo(path: string, stretch?: { fromMs: number; toMs: number }): Stereo {
  const format = { type: soxi('-t', path), encoding: soxi('-e', path), channels: Number(soxi('-c', path)), sampleRate: Number(soxi('-r', path)), bits: Number(soxi('-b', path)) };
  if (format.encoding !== 'Signed Integer PCM' || format.bits !== 16) throw new Error(`${path}: ${format.bits}-bit ${format.encoding}, not 16-bit signed PCM`);
  // the samples as sox decodes them, interleaved, in the file's own 16-bit encoding
  const trim = stretch ? ['trim', `${stretch.fromMs * (format.sampleRate / 1000)}s`, `${(stretch.toMs - stretch.fromMs) * (format.sampleRate / 1000)}s`] : [];
  const raw = execFileSync('/usr/bin/sox', [path, '-t', 'raw', '-L', '-', ...trim], { maxBuffer: 1 << 30 });
  const frames = raw.length / (2 * format.channels);
  const samples = Array.from({ length: format.channels }, () => new Int16Array(frames));
  samples.forEach((channel, c) => {
    for (let i = 0; i < frames; i++) channel[i] = raw.readInt16LE(2 * (i * format.channels + c));
  });
  return { ...format, samples };
}

/** A channel of the recording: a missing one fails the test instead of reading as silence. */
const channelOf = (audio: Stereo, index: number): Int16Array => present(audio.samples[index], `channel ${index}`);

function rmsDb(samples: Int16Array, fromMs: number, toMs: number): number {
  const from = Math.max(0, Math.round(fromMs * PER_MS));
  const to = Math.min(samples.length, Math.round(toMs * PER_MS));
  let sum = 0;
  for (let i = from; i < to; i++) sum += ((samples[i] ?? 0) / 32768) ** 2;
  return to > from ? 10 * Math.log10(sum / (to - from) + 1e-20) : -200;
}

function peak(samples: Int16Array, fromMs: number, toMs: number): number {
  let max = 0;
  for (let i = Math.max(0, Math.round(fromMs * PER_MS)); i < Math.min(samples.length, Math.round(toMs * PER_MS)); i++) max = Math.max(max, Math.abs(samples[i] ?? 0));
  return max;
}

/** Stretches of [0, duration) at least `marginMs` away from every span, 20 ms or longer. */
function outside(spans: readonly { start_ms: number; end_ms: number }[], durationMs: number, marginMs: number): { start_ms: number; end_ms: number }[] {
  return gapsBetween(spans, durationMs, marginMs).filter((gap) => gap.end_ms - gap.start_ms >= 20);
}

/** the lowest level any speech utterance has (espeak speaks at about -22 dBFS RMS). */
const SPEECH_DB = -35;
/** 0.5 % of full scale: the generator's audible threshold. */
const AUDIBLE = 164;

let dir = '';
const scripts = new Map<ScenarioName, CallScript>();
const calls = new Map<ScenarioName, GeneratedCall>();

function callOf(name: ScenarioName): { script: CallScript; call: GeneratedCall; audio: Stereo } {
  const script = scripts.get(name);
  const call = calls.get(name);
  if (!script || !call) throw new Error(`${name} was not generated`);
  return { script, call, audio: readStereo(call.wavPath) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callscope-audio-generate-'));
  for (const name of SCENARIO_NAMES) {
    const script = scenario(name);
    scripts.set(name, script);
    calls.set(name, await generateCall(script, dir));
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(SCENARIO_NAMES)('scenario %s', (name) => {
  it('is a stereo 16 kHz 16-bit PCM WAV as long as the truth says', () => {
    const { call, audio } = callOf(name);
    expect({ type: audio.type, encoding: audio.encoding, channels: audio.channels, sampleRate: audio.sampleRate, bits: audio.bits }).toEqual({ type: 'wav', encoding: 'Signed Integer PCM', channels: 2, sampleRate: 16_000, bits: 16 });
    expect(channelOf(audio, 0).length).toBe(Math.round(call.durationMs * PER_MS));
    expect(soxiSeconds(call.wavPath) * 1000).toBeCloseTo(call.durationMs, 2);
    const lastEnd = Math.max(...call.truth.utterances.map((u) => u.end_ms));
    const tailMs = callOf(name).script.tailMs ?? 500;
    expect(call.durationMs).toBeCloseTo(lastEnd + tailMs, 0);
  });

  it('has speech on each speaker channel inside every truth utterance, starting and ending on audible samples', () => {
    const { call, audio } = callOf(name);
    for (const utterance of call.truth.utterances) {
      const channel = utterance.speaker === 'agent' ? call.agentChannel : 1 - call.agentChannel;
      const samples = channelOf(audio, channel);
      expect(rmsDb(samples, utterance.start_ms, utterance.end_ms), `${utterance.speaker} "${utterance.text}"`).toBeGreaterThan(SPEECH_DB);
      // Trimmed to the speech: the first 5 ms already holds an audible sample, and so do the last 5
      // (unless the utterance was cut by an interruption: the cut may fall in a pause).
      expect(peak(samples, utterance.start_ms, utterance.start_ms + 5)).toBeGreaterThanOrEqual(AUDIBLE);
      const cut = call.truth.utterances.some((u) => u.kind === 'interruption' && u.speaker !== utterance.speaker && u.start_ms > utterance.start_ms && u.start_ms < utterance.end_ms);
      if (!cut) expect(peak(samples, utterance.end_ms - 5, utterance.end_ms), `end of "${utterance.text}"`).toBeGreaterThanOrEqual(AUDIBLE);
    }
  });

  it('keeps each channel silent well away from its speaker utterances (or at the noise level when noisy)', () => {
    const { call, audio, script } = callOf(name);
    for (const speaker of ['agent', 'user'] as const) {
      const channel = speaker === 'agent' ? call.agentChannel : 1 - call.agentChannel;
      const samples = channelOf(audio, channel);
      const quiet = outside(call.truth.utterances.filter((u) => u.speaker === speaker), call.durationMs, 15);
      expect(quiet.length).toBeGreaterThan(2);
      for (const gap of quiet) {
        if (script.noiseDb == null) expect(peak(samples, gap.start_ms, gap.end_ms), `${speaker} ${gap.start_ms}-${gap.end_ms}`).toBe(0);
        else if (gap.end_ms - gap.start_ms > 300) expect(Math.abs(rmsDb(samples, gap.start_ms, gap.end_ms) - script.noiseDb)).toBeLessThan(2.5);
      }
    }
  });

  it('places every scripted utterance at its scripted start with the scripted kind', () => {
    const { call, script } = callOf(name);
    const scripted = [...script.utterances].sort((a, b) => a.start_ms - b.start_ms);
    expect(call.truth.utterances.map((u) => [u.speaker, u.start_ms, u.kind])).toEqual(scripted.map((u) => [u.speaker, u.start_ms, u.kind ?? 'turn']));
    expect(call.transcript.map((t) => [t.role, t.start_ms, t.end_ms])).toEqual(call.truth.utterances.map((u) => [u.speaker, Math.round(u.start_ms), Math.round(u.end_ms)]));
  });

  it('stops an interrupted speaker overlap_ms after the interruption starts, in the truth and in the audio', () => {
    const { call, script, audio } = callOf(name);
    const interruptions = script.utterances.filter((u) => u.kind === 'interruption');
    const events = [...call.truth.user_interrupts_agent.map((e) => ({ ...e, speaker: 'user' })), ...call.truth.agent_interrupts_user.map((e) => ({ ...e, speaker: 'agent' }))];
    expect(events.map((e) => [e.speaker, e.at_ms, e.overlap_ms]).sort()).toEqual(interruptions.map((u) => [u.speaker, u.start_ms, u.overlap_ms ?? 500]).sort());
    for (const interruption of interruptions) {
      const host = present(call.truth.utterances.find((u) => u.speaker !== interruption.speaker && u.start_ms < interruption.start_ms && u.end_ms > interruption.start_ms), `the utterance interrupted at ${interruption.start_ms}`);
      expect(host.end_ms).toBe(interruption.start_ms + (interruption.overlap_ms ?? 500));
      const channel = interruption.speaker === 'user' ? call.agentChannel : 1 - call.agentChannel;
      // The host's audio really stops: silence for the next second on its channel.
      expect(peak(channelOf(audio, channel), host.end_ms, host.end_ms + 1000)).toBe(0);
    }
  });
});

describe('what each scenario covers', () => {
  it('basic: five agent replies 600-1500 ms after the caller, no overlaps, no long silences', () => {
    const { truth } = callOf('basic').call;
    expect(truth.latencies).toHaveLength(5);
    for (const latency of truth.latencies) {
      expect(latency.ms).toBeGreaterThanOrEqual(SCENARIO_RANGES.replyMs.basic[0] - 0.5);
      expect(latency.ms).toBeLessThanOrEqual(SCENARIO_RANGES.replyMs.basic[1] + 0.5);
    }
    expect([truth.user_interrupts_agent, truth.agent_interrupts_user, truth.backchannels, truth.silences]).toEqual([[], [], [], []]);
  });

  it('slow-replies: five agent replies of 2-5 s, each also a long silence when >= 3 s', () => {
    const { truth } = callOf('slow-replies').call;
    expect(truth.latencies).toHaveLength(5);
    for (const latency of truth.latencies) {
      expect(latency.ms).toBeGreaterThanOrEqual(SCENARIO_RANGES.replyMs['slow-replies'][0] - 0.5);
      expect(latency.ms).toBeLessThanOrEqual(SCENARIO_RANGES.replyMs['slow-replies'][1] + 0.5);
    }
    expect(truth.silences.map((s) => s.end_ms)).toEqual(truth.latencies.filter((l) => l.ms >= 3000).map((l) => l.at_ms));
  });

  it('overlaps: three interruptions each way, short, middling and long (300 ms - 1.5 s)', () => {
    const { truth } = callOf('overlaps').call;
    for (const events of [truth.user_interrupts_agent, truth.agent_interrupts_user]) {
      const lengths = events.map((e) => e.overlap_ms).sort((a, b) => a - b);
      expect(lengths).toHaveLength(3);
      expect(lengths[0]).toBeGreaterThanOrEqual(SCENARIO_RANGES.overlapMs[0]);
      expect(lengths[0]).toBeLessThanOrEqual(500);
      expect(lengths[1]).toBeGreaterThanOrEqual(700);
      expect(lengths[1]).toBeLessThanOrEqual(1000);
      expect(lengths[2]).toBeGreaterThanOrEqual(1200);
      expect(lengths[2]).toBeLessThanOrEqual(SCENARIO_RANGES.overlapMs[1]);
    }
    expect(truth.backchannels).toEqual([]);
  });

  it('backchannels: short uh-huh / mm-hmm / yeah fully inside the other speaker, from both sides, and never counted as replies', () => {
    const { call, script } = callOf('backchannels');
    const { truth } = call;
    const scripted = script.utterances.filter((u) => u.kind === 'backchannel');
    expect(truth.backchannels.map((b) => [b.speaker, b.at_ms])).toEqual(scripted.map((u) => [u.speaker, u.start_ms]));
    expect(new Set(truth.backchannels.map((b) => b.speaker))).toEqual(new Set(['agent', 'user']));
    for (const backchannel of truth.utterances.filter((u) => u.kind === 'backchannel')) {
      expect(['uh-huh', 'mm-hmm', 'yeah']).toContain(backchannel.text);
      expect(backchannel.end_ms - backchannel.start_ms).toBeLessThan(1000);
      const host = truth.utterances.find((u) => u.speaker !== backchannel.speaker && u.start_ms < backchannel.start_ms && u.end_ms > backchannel.end_ms);
      expect(host, `${backchannel.text} at ${backchannel.start_ms}`).toBeDefined();
      const event = truth.backchannels.find((b) => b.at_ms === backchannel.start_ms);
      expect(event?.overlap_ms).toBeCloseTo(backchannel.end_ms - backchannel.start_ms, 6);
      expect(truth.latencies.some((l) => l.at_ms === backchannel.start_ms)).toBe(false);
    }
    // Agent turns after a caller turn: each is one reply.
    expect(truth.latencies).toHaveLength(5);
  });

  it('long-silences: exactly the three scripted gaps of 3.2-7 s', () => {
    const { truth } = callOf('long-silences').call;
    expect(truth.silences).toHaveLength(3);
    for (const silence of truth.silences) {
      expect(silence.end_ms - silence.start_ms).toBeGreaterThanOrEqual(SCENARIO_RANGES.silenceMs[0] - 0.5);
      expect(silence.end_ms - silence.start_ms).toBeLessThanOrEqual(SCENARIO_RANGES.silenceMs[1] + 0.5);
    }
    // The hold (agent after agent) is a silence but not a reply.
    expect(truth.latencies).toHaveLength(4);
  });

  it('noisy: pink noise at the scripted level on both channels, different on each, speech well above it', () => {
    const { call, script, audio } = callOf('noisy');
    const noiseDb = present(script.noiseDb, 'the noise level');
    expect(noiseDb).toBeGreaterThanOrEqual(SCENARIO_RANGES.noiseDb[0]);
    expect(noiseDb).toBeLessThanOrEqual(SCENARIO_RANGES.noiseDb[1]);
    const first = call.truth.utterances[0];
    const [left, right] = audio.samples;
    if (!first || !left || !right) throw new Error('expected speech and two channels');
    for (const channel of [left, right]) expect(Math.abs(rmsDb(channel, 0, first.start_ms - 20) - noiseDb)).toBeLessThan(1.5);
    expect(Buffer.from(left.subarray(0, 4000).buffer).equals(Buffer.from(right.subarray(0, 4000).buffer))).toBe(false);
    for (const utterance of call.truth.utterances) {
      const channel = channelOf(audio, utterance.speaker === 'agent' ? call.agentChannel : 1 - call.agentChannel);
      expect(rmsDb(channel, utterance.start_ms, utterance.end_ms) - noiseDb).toBeGreaterThan(15);
    }
  });

  it('uses several voices and speeds across the scenarios, and both channel assignments', () => {
    const all = SCENARIO_NAMES.flatMap((name) => scripts.get(name)?.utterances ?? []);
    expect(new Set(all.map((u) => u.voice)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((u) => u.speed)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(SCENARIO_NAMES.map((name) => scripts.get(name)?.agentChannel))).toEqual(new Set([0, 1]));
  });
});

describe('reproducibility', () => {
  it('gives the same script for the same seed and a different one for another seed', () => {
    expect(scenario('overlaps', 7)).toEqual(scenario('overlaps', 7));
    expect(scenario('overlaps', 8)).not.toEqual(scenario('overlaps', 7));
  });

  it('renders the same script to the same bytes (second time from the utterance cache)', async () => {
    const { call, script } = callOf('backchannels');
    const again = await generateCall(script, join(dir, 'again'));
    const third = await generateCall(script, join(dir, 'again'));
    const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(digest(again.wavPath)).toBe(digest(call.wavPath));
    expect(digest(third.wavPath)).toBe(digest(call.wavPath));
    expect(third.truth).toEqual(call.truth);
  }, 60_000);
});

describe('generateCall on hand-written scripts', () => {
  it('speaks text that looks like an option, leaves a speaker-less channel silent and honours tailMs 0', async () => {
    const call = await generateCall({ utterances: [{ speaker: 'agent', text: '-v --help, is anyone there?', start_ms: 250 }], agentChannel: 1, tailMs: 0 }, join(dir, 'custom'));
    const audio = readStereo(call.wavPath);
    const [utterance] = call.truth.utterances;
    expect(utterance?.start_ms).toBe(250);
    expect(call.durationMs).toBe(utterance?.end_ms);
    expect(peak(channelOf(audio, 0), 0, call.durationMs)).toBe(0);
    expect(rmsDb(channelOf(audio, 1), 250, call.durationMs)).toBeGreaterThan(SPEECH_DB);
    expect(call.truth.latencies).toEqual([]);
  }, 30_000);

  it('cuts an interrupted agent 500 ms after the caller starts by default, keeping the words it had time for', async () => {
    const text = 'I can see two openings next week, one on Tuesday morning at nine thirty and another on Thursday afternoon';
    const call = await generateCall(
      {
        utterances: [
          { speaker: 'agent', text, start_ms: 0, voice: 'en-gb' },
          { speaker: 'user', text: 'Sorry, can I stop you there?', start_ms: 1500, kind: 'interruption', voice: 'en-us+f3', speed: 190 },
        ],
      },
      join(dir, 'custom'),
    );
    const [agent, user] = call.truth.utterances;
    expect(agent?.end_ms).toBe(2000);
    expect(agent?.kind).toBe('turn');
    expect(user?.kind).toBe('interruption');
    expect(call.truth.user_interrupts_agent).toEqual([{ at_ms: 1500, overlap_ms: 500 }]);
    expect(text.startsWith(agent?.text ?? 'x')).toBe(true);
    expect(agent?.text.split(' ').length).toBeLessThan(text.split(' ').length / 2);
    expect(peak(channelOf(readStereo(call.wavPath), 0), 2000, call.durationMs)).toBe(0);
  }, 30_000);

  it('cuts a long call of a fractional length at that length, inside speech if need be', async () => {
    const call = await generateLongCall(1.5, join(dir, 'long-short'));
    expect(call.durationMs).toBe(90_000);
    expect(soxiSeconds(call.wavPath)).toBe(90);
    expect(Math.max(...call.truth.utterances.map((u) => u.end_ms))).toBeLessThanOrEqual(90_000);
    expect(call.truth.utterances.filter((u) => u.start_ms >= 60_000).length).toBeGreaterThan(3);
  }, 60_000);
});

describe('truth rules (docs/METRICS.md) on hand-made timings', () => {
  const u = (speaker: 'agent' | 'user', start_ms: number, end_ms: number, text = 'some words here') => ({ speaker, text, start_ms, end_ms });

  it('counts overlaps under 200 ms as nothing, short contained speech as a backchannel, the rest as interruptions', () => {
    const truth = computeTruth([
      u('agent', 0, 5000),
      u('user', 4850, 6000), // 150 ms crosstalk at the handoff
      u('agent', 7000, 12_000),
      u('user', 8000, 8600, 'I have a question'), // short and inside: a backchannel
      u('user', 9000, 10_500, 'got it, i see, yeah'), // long but all backchannel words: a backchannel
      u('user', 11_000, 13_000), // runs past the agent: an interruption of 1000 ms
    ]);
    expect(truth.utterances.map((x) => x.kind)).toEqual(['turn', 'turn', 'turn', 'backchannel', 'backchannel', 'interruption']);
    expect(truth.user_interrupts_agent).toEqual([{ at_ms: 11_000, overlap_ms: 1000 }]);
    expect(truth.backchannels).toEqual([
      { at_ms: 8000, overlap_ms: 600, speaker: 'user' },
      { at_ms: 9000, overlap_ms: 1500, speaker: 'user' },
    ]);
  });

  it('measures a reply once from the last piece of a split caller turn, and not after the agent spoke again', () => {
    const truth = computeTruth([u('user', 0, 1000), u('user', 1400, 2000), u('agent', 2800, 3500), u('agent', 3900, 4500), u('user', 8000, 9000), u('agent', 9000, 9500)]);
    expect(truth.latencies).toEqual([{ at_ms: 2800, ms: 800 }]);
    expect(truth.silences).toEqual([{ start_ms: 4500, end_ms: 8000 }]);
  });
});

describe('generateLongCall', () => {
  it('makes a 60-minute stereo call in well under a minute, with speech where its truth says', async () => {
    const longDir = join(dir, 'long');
    const started = Date.now();
    const call = await generateLongCall(60, longDir);
    const seconds = (Date.now() - started) / 1000;
    try {
      expect(seconds).toBeLessThan(60);
      expect(call.durationMs).toBe(3_600_000);
      expect(soxiSeconds(call.wavPath)).toBe(3600);
      expect(statSync(call.wavPath).size).toBe(44 + 3600 * RATE * 2 * 2);
      expect(call.truth.utterances.length).toBeGreaterThan(600);
      expect(call.truth.latencies.length).toBeGreaterThan(120);
      expect(Math.max(...call.truth.utterances.map((x) => x.end_ms))).toBeLessThanOrEqual(3_600_000);
      // Read a stretch deep in the file (minute 37) and compare each channel with the truth there.
      const fromMs = 37 * 60_000;
      const toMs = fromMs + 60_000;
      const stretch = readStereo(call.wavPath, { fromMs, toMs });
      expect(channelOf(stretch, 0).length).toBe((toMs - fromMs) * PER_MS);
      for (const speaker of ['agent', 'user'] as const) {
        const samples = channelOf(stretch, speaker === 'agent' ? call.agentChannel : 1 - call.agentChannel);
        const here = call.truth.utterances
          .filter((x) => x.speaker === speaker && x.start_ms >= fromMs && x.end_ms <= toMs)
          .map((x) => ({ ...x, start_ms: x.start_ms - fromMs, end_ms: x.end_ms - fromMs }));
        expect(here.length).toBeGreaterThan(3);
        for (const utterance of here) expect(rmsDb(samples, utterance.start_ms, utterance.end_ms)).toBeGreaterThan(SPEECH_DB);
        const spans = call.truth.utterances.filter((x) => x.speaker === speaker).map((x) => ({ start_ms: x.start_ms - fromMs, end_ms: x.end_ms - fromMs }));
        const gaps = outside(spans, 60_000, 15);
        expect(gaps.length).toBeGreaterThan(3);
        for (const gap of gaps) expect(peak(samples, gap.start_ms, gap.end_ms)).toBe(0);
      }
    } finally {
      rmSync(longDir, { recursive: true, force: true });
    }
  }, 120_000);
});
