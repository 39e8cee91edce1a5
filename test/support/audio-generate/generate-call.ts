import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderStereo } from './assemble';
import { placeUtterances, type Placement } from './placement';
import { inBatches } from './run-tool';
import { renderUtterance } from './render';
import { computeTruth, type TimedUtterance } from './truth';
import type { CallScript, GeneratedCall } from './types';
import { SAMPLES_PER_MS } from './wav';

export const DEFAULT_VOICE = 'en-us';
export const DEFAULT_SPEED = 175;
const DEFAULT_TAIL_MS = 500;
const RENDER_PARALLEL = 4;

/** Rendered clips are kept here, keyed by voice, speed and text, for every later call in outDir. */
export function utteranceCacheDir(outDir: string): string {
  return join(outDir, '.utterance-cache');
}

export async function renderPlacements(script: CallScript, outDir: string): Promise<Placement[]> {
  const cacheDir = utteranceCacheDir(outDir);
  const clips = await inBatches(script.utterances, RENDER_PARALLEL, (utterance) =>
    renderUtterance(utterance.text, { voice: utterance.voice ?? DEFAULT_VOICE, speed: utterance.speed ?? DEFAULT_SPEED }, cacheDir),
  );
  return placeUtterances(script.utterances, clips);
}

export function timedUtterances(placements: readonly Placement[], offsetSamples = 0): TimedUtterance[] {
  return placements.map((placement) => ({
    speaker: placement.speaker,
    text: placement.text,
    start_ms: (offsetSamples + placement.startSample) / SAMPLES_PER_MS,
    end_ms: (offsetSamples + placement.startSample + placement.keptSamples) / SAMPLES_PER_MS,
  }));
}

export function speechEndSample(placements: readonly Placement[]): number {
  return placements.reduce((end, placement) => Math.max(end, placement.startSample + placement.keptSamples), 0);
}

/** What a platform sends: the turns in order, in whole milliseconds. */
export function transcriptOf(timed: readonly TimedUtterance[]): GeneratedCall['transcript'] {
  return [...timed]
    .sort((a, b) => a.start_ms - b.start_ms)
    .map((utterance) => ({ role: utterance.speaker, text: utterance.text, start_ms: Math.round(utterance.start_ms), end_ms: Math.round(utterance.end_ms) }));
}

/**
 * Renders a scripted call to a stereo WAV (one speaker per channel) in outDir and returns the
 * truth measured from what was rendered. The file name is derived from the script, so the same
 * script gives the same file.
 */
export async function generateCall(script: CallScript, outDir: string): Promise<GeneratedCall> {
  await mkdir(outDir, { recursive: true });
  const agentChannel = script.agentChannel ?? 0;
  const placements = await renderPlacements(script, outDir);
  const tailMs = script.tailMs ?? DEFAULT_TAIL_MS;
  if (!(tailMs >= 0)) throw new Error('tailMs must be >= 0');
  const totalSamples = speechEndSample(placements) + Math.round(tailMs * SAMPLES_PER_MS);
  if (totalSamples === 0) throw new Error('a call needs at least one utterance or a tail');

  const name = createHash('sha256').update(JSON.stringify(script)).digest('hex').slice(0, 16);
  const wavPath = join(outDir, `call-${name}.wav`);
  const workDir = join(outDir, `.work-${randomUUID()}`);
  await mkdir(workDir, { recursive: true });
  try {
    const partial = join(workDir, 'call.wav');
    await renderStereo({ clips: placements, agentChannel, totalSamples, noiseDb: script.noiseDb ?? null, outPath: partial, workDir });
    await rename(partial, wavPath);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  const timed = timedUtterances(placements);
  return { wavPath, agentChannel, durationMs: totalSamples / SAMPLES_PER_MS, truth: computeTruth(timed), transcript: transcriptOf(timed) };
}
