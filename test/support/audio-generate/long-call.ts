import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderStereo } from './assemble';
import { renderPlacements, speechEndSample, timedUtterances, transcriptOf } from './generate-call';
import { AGENT_INTERRUPTIONS, AGENT_TURNS, USER_LONG, USER_TURNS } from './phrases';
import { sox } from './run-tool';
import { interruptedTurn, random, scriptBuilder, turn, turnWithBackchannels } from './script-builder';
import { computeTruth, type TimedUtterance } from './truth';
import type { CallScript, GeneratedCall } from './types';
import { SAMPLES_PER_MS } from './wav';

/** The long call repeats one minute of conversation. */
const BLOCK_MS = 60_000;
/** Speech in a block stops this long before the block ends, so the seam is an ordinary pause. */
const BLOCK_TAIL_MS = 1_500;

/**
 * One minute of conversation from a handful of phrases: replies, an agent cutting in on the
 * caller, a backchannel. The same every time (fixed seed), so its clips are rendered once per
 * outDir and then come from the cache.
 */
function blockScript(): CallScript {
  const rng = random(60);
  const builder = scriptBuilder({ agent: { voice: 'en-us', speed: 175 }, user: { voice: 'en-gb+f4', speed: 165 } }, 500);
  turn(builder, 'agent', AGENT_TURNS[0] ?? '', 0);
  turn(builder, 'user', USER_TURNS[0] ?? '', rng.int(400, 1200));
  turn(builder, 'agent', AGENT_TURNS[1] ?? '', rng.int(600, 1500));
  turnWithBackchannels(builder, { speaker: 'user', text: USER_LONG[0] ?? '', gapMs: rng.int(400, 1200) }, ['mm-hmm'], rng);
  turn(builder, 'agent', AGENT_TURNS[2] ?? '', rng.int(600, 1500));
  interruptedTurn(builder, { speaker: 'user', text: USER_LONG[1] ?? '', gapMs: rng.int(400, 1200) }, { text: AGENT_INTERRUPTIONS[0] ?? '', afterMs: 1500, overlapMs: 700 });
  for (let i = 1; builder.floorEnd < BLOCK_MS - BLOCK_TAIL_MS - 12_000; i++) {
    turn(builder, 'user', USER_TURNS[i % USER_TURNS.length] ?? '', rng.int(400, 1200));
    turn(builder, 'agent', AGENT_TURNS[3 + (i % (AGENT_TURNS.length - 3))] ?? '', rng.int(600, 1500));
  }
  return { utterances: builder.utterances, agentChannel: 0 };
}

/**
 * A call of `minutes` minutes (e.g. 60 for the import and waveform benchmarks): one minute of
 * conversation is rendered once, and sox repeats it and cuts the result to length. Never an hour
 * of espeak calls: it takes a few seconds, nearly all of it writing the file.
 */
export async function generateLongCall(minutes: number, outDir: string): Promise<GeneratedCall> {
  if (!(minutes > 0)) throw new Error('minutes must be > 0');
  await mkdir(outDir, { recursive: true });
  const script = blockScript();
  const placements = await renderPlacements(script, outDir);
  const blockSamples = BLOCK_MS * SAMPLES_PER_MS;
  if (speechEndSample(placements) > blockSamples - BLOCK_TAIL_MS * SAMPLES_PER_MS) throw new Error('the long call block overruns its minute');
  const totalSamples = Math.round(minutes * BLOCK_MS * SAMPLES_PER_MS);
  const blocks = Math.ceil(totalSamples / blockSamples);

  const wavPath = join(outDir, `long-call-${minutes}min.wav`);
  const workDir = join(outDir, `.work-${randomUUID()}`);
  await mkdir(workDir, { recursive: true });
  try {
    const block = join(workDir, 'block.wav');
    await renderStereo({ clips: placements, agentChannel: 0, totalSamples: blockSamples, noiseDb: null, outPath: block, workDir });
    const whole = join(workDir, 'long.wav');
    await sox([block, whole, 'repeat', String(blocks - 1), 'trim', '0', `${totalSamples}s`]);
    await rename(whole, wavPath);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  const durationMs = totalSamples / SAMPLES_PER_MS;
  const timed: TimedUtterance[] = [];
  for (let b = 0; b < blocks; b++) {
    for (const utterance of timedUtterances(placements, b * blockSamples)) {
      // The cut at the end may fall inside speech: that utterance ends where the file does.
      if (utterance.start_ms < durationMs) timed.push({ ...utterance, end_ms: Math.min(utterance.end_ms, durationMs) });
    }
  }
  return { wavPath, agentChannel: 0, durationMs, truth: computeTruth(timed), transcript: transcriptOf(timed) };
}
