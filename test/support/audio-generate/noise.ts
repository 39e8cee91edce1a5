import { join } from 'node:path';
import { AGENT_LONG, USER_LONG, VOICES } from './phrases';
import { renderUtterance } from './render';
import { sox } from './run-tool';
import { SAMPLE_RATE, wavLayout } from './wav';

/**
 * Background noise for generated calls, one independent stretch per channel at a given RMS level:
 * pink noise (a line's hiss and hum), or babble (several voices talking at once, as in a call
 * centre or a café; speech-like, so the hardest noise for a voice detector).
 */
export type NoiseKind = 'pink' | 'babble';

/**
 * sox's null input (`-n`) with the call's rate and channels given as its own (input) options:
 * otherwise it runs at 48 kHz and a length in samples ('Ns') means a third of the time wanted.
 */
export const SILENT_MONO_16K = ['-r', String(SAMPLE_RATE), '-c', '1', '-n', '-b', '16', '-e', 'signed-integer'];

/** Talkers in the babble: enough that no one voice stands out, few enough that it still sounds like speech. */
const BABBLE_TALKERS = 6;

async function rmsOf(path: string): Promise<number> {
  const { stderr } = await sox([path, '-n', 'stat']);
  const rms = Number(/RMS\s+amplitude:\s+([0-9.]+)/.exec(stderr)?.[1]);
  if (!(rms > 0)) throw new Error(`could not measure the level of ${path}: ${stderr}`);
  return rms;
}

/**
 * A bed of babble at 16 kHz: each talker reads the long phrases in its own order and voice, all
 * mixed; cut to the shortest talker so that every moment has all of them. Rendered clips come from
 * the utterance cache, so the bed costs a few espeak runs once per cache folder.
 */
async function babbleBed(cacheDir: string, workDir: string): Promise<string> {
  const phrases = [...AGENT_LONG, ...USER_LONG];
  const talkers = await Promise.all(
    Array.from({ length: BABBLE_TALKERS }, (_, k) => {
      const text = phrases.map((_, i) => phrases[(i + 3 * k) % phrases.length]).join(', ');
      return renderUtterance(text, { voice: VOICES[k % VOICES.length] ?? 'en-us', speed: 150 + 10 * k }, cacheDir);
    }),
  );
  const shortest = Math.min(...talkers.map((clip) => clip.samples));
  const bed = join(workDir, 'babble-bed.wav');
  await sox(['-m', ...talkers.flatMap((clip) => ['-v', '1', clip.path]), bed, 'trim', '0', `${shortest}s`]);
  return bed;
}

/**
 * A source of noise at least `samples` + `offset` long: pink noise synthesised to length, or the
 * babble bed repeated.
 */
async function noiseSource(kind: NoiseKind, samples: number, cacheDir: string, workDir: string): Promise<string> {
  const source = join(workDir, `${kind}-source.wav`);
  if (kind === 'pink') {
    await sox([...SILENT_MONO_16K, source, 'synth', `${samples}s`, 'pinknoise']);
    return source;
  }
  const bed = await babbleBed(cacheDir, workDir);
  const bedSamples = Math.max(1, (await wavLayout(bed)).frameCount);
  await sox([bed, source, 'repeat', String(Math.ceil(samples / bedSamples)), 'trim', '0', `${samples}s`]);
  return source;
}

/**
 * Two mono files of noise at `db` RMS dBFS, independent of each other (the right one starts one
 * second later in the source: -R makes every synth run the same, so two runs would be identical),
 * each exactly `totalSamples` long at 16 kHz.
 */
export async function renderNoisePair(kind: NoiseKind, db: number, totalSamples: number, cacheDir: string, workDir: string): Promise<[string, string]> {
  // the babble bed's talkers shift by more than a second, so its channels differ by more than that
  const offset = kind === 'babble' ? 7 * SAMPLE_RATE : SAMPLE_RATE;
  const source = await noiseSource(kind, totalSamples + offset, cacheDir, workDir);
  const gain = 10 ** (db / 20) / (await rmsOf(source));
  const left = join(workDir, `${kind}-left.wav`);
  const right = join(workDir, `${kind}-right.wav`);
  await Promise.all([
    sox([source, left, 'trim', '0', `${totalSamples}s`, 'vol', String(gain)]),
    sox([source, right, 'trim', `${offset}s`, `${totalSamples}s`, 'vol', String(gain)]),
  ]);
  return [left, right];
}
