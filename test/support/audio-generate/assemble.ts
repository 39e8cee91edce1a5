import { join } from 'node:path';
import { inBatches, sox } from './run-tool';
import type { RenderedClip } from './render';
import type { Speaker } from './types';
import { SILENT_MONO_16K, renderNoisePair } from './noise';
import { SAMPLE_RATE } from './wav';

/** One rendered utterance at its place in the call. */
export interface PlacedClip {
  speaker: Speaker;
  clip: RenderedClip;
  /** first sample of the speech in the call. */
  startSample: number;
  /** samples of the clip kept: all of it, or less when the speaker yields to an interruption. */
  keptSamples: number;
}

/** A yielding speaker's audio fades out over this much instead of stopping with a click. */
const YIELD_FADE_SAMPLES = Math.round(0.01 * SAMPLE_RATE);
/** sox opens every input of a mix at once; mix in groups to stay far from the open-file limit. */
const MIX_GROUP = 32;
const PARALLEL = 4;

/** The clip cut to its kept length and padded with silence up to its start. */
async function placeClip(placed: PlacedClip, path: string): Promise<void> {
  const effects: string[] = [];
  if (placed.keptSamples < placed.clip.samples) {
    effects.push('trim', '0', `${placed.keptSamples}s`);
    if (placed.keptSamples > 2 * YIELD_FADE_SAMPLES) effects.push('fade', 't', '0', `${placed.keptSamples}s`, `${YIELD_FADE_SAMPLES}s`);
  }
  if (placed.startSample > 0) effects.push('pad', `${placed.startSample}s`);
  await sox([placed.clip.path, path, ...effects]);
}

/** Sums the inputs sample by sample (`-v 1` each: sox would otherwise scale each input by 1/n). */
async function mix(inputs: readonly string[], output: string, workDir: string, name: string): Promise<void> {
  if (inputs.length <= MIX_GROUP) {
    await sox(['-m', ...inputs.flatMap((input) => ['-v', '1', input]), output]);
    return;
  }
  const groups: string[][] = [];
  for (let i = 0; i < inputs.length; i += MIX_GROUP) groups.push(inputs.slice(i, i + MIX_GROUP));
  const partials = await inBatches(groups, PARALLEL, async (group, index) => {
    const partial = join(workDir, `${name}-group${index}.wav`);
    if (group.length === 1 && group[0]) return group[0];
    await mix(group, partial, workDir, `${name}-${index}`);
    return partial;
  });
  await mix(partials, output, workDir, `${name}-top`);
}

/** One channel: its clips at their places, silence elsewhere (possibly shorter than the call). */
async function renderChannel(clips: readonly PlacedClip[], totalSamples: number, workDir: string, name: string): Promise<string> {
  const output = join(workDir, `${name}.wav`);
  if (clips.length === 0) {
    await sox([...SILENT_MONO_16K, output, 'trim', '0', `${totalSamples}s`]);
    return output;
  }
  const placedPaths = await inBatches(clips, PARALLEL, async (clip, index) => {
    const path = join(workDir, `${name}-clip${index}.wav`);
    await placeClip(clip, path);
    return path;
  });
  if (placedPaths.length === 1 && placedPaths[0]) return placedPaths[0];
  await mix(placedPaths, output, workDir, name);
  return output;
}

export interface StereoRequest {
  clips: readonly PlacedClip[];
  agentChannel: 0 | 1;
  totalSamples: number;
  noiseDb: number | null;
  outPath: string;
  /** scratch folder for the intermediate files; the caller removes it. */
  workDir: string;
}

/** Places every clip on its speaker's channel, merges the channels, adds noise: a stereo 16 kHz WAV. */
export async function renderStereo(request: StereoRequest): Promise<void> {
  const { clips, agentChannel, totalSamples, noiseDb, outPath, workDir } = request;
  const speakerOf = (channel: 0 | 1): Speaker => (channel === agentChannel ? 'agent' : 'user');
  const [first, second] = await Promise.all(
    ([0, 1] as const).map((channel) =>
      renderChannel(
        clips.filter((clip) => clip.speaker === speakerOf(channel)),
        totalSamples,
        workDir,
        `channel${channel}`,
      ),
    ),
  );
  if (!first || !second) throw new Error('two channels expected');
  // pad then trim: both channels and the file are exactly totalSamples long (the tail is silence).
  const exact = ['pad', '0', `${totalSamples}s`, 'trim', '0', `${totalSamples}s`];
  if (noiseDb === null) {
    await sox(['-M', first, second, outPath, ...exact]);
    return;
  }
  const speech = join(workDir, 'speech.wav');
  const noise = join(workDir, 'noise.wav');
  const [, [left, right]] = await Promise.all([sox(['-M', first, second, speech, ...exact]), renderNoisePair('pink', noiseDb, totalSamples, workDir, workDir)]);
  await sox(['-M', left, right, noise]);
  await sox(['-m', '-v', '1', speech, '-v', '1', noise, outPath]);
}
