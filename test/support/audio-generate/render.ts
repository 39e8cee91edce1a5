import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ESPEAK, run, sox } from './run-tool';
import { SAMPLE_RATE, readMonoSamples, wavLayout } from './wav';

/** One utterance rendered by espeak-ng: 16 kHz mono 16-bit, cut to its audible speech. */
export interface RenderedClip {
  path: string;
  /** length in samples at 16 kHz. */
  samples: number;
}

export interface VoiceSettings {
  voice: string;
  /** espeak-ng words per minute. */
  speed: number;
}

/**
 * A sample is audible from 0.5 % of full scale (about -46 dBFS) up: espeak's leading and trailing
 * silence (up to ~300 ms at the end) lies below it, so the kept clip starts and ends on speech and
 * the truth times are the speech's own.
 */
const AUDIBLE = Math.round(0.005 * 32768);
/** Bump when the rendering or cutting changes, so stale cached clips are not reused. */
const CACHE_VERSION = 'v1';

const inFlight = new Map<string, Promise<RenderedClip>>();

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** First and one-past-last audible sample. */
export function audibleSpan(samples: Int16Array): { first: number; end: number } | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < samples.length; i++) {
    const value = samples[i] ?? 0;
    if (value >= AUDIBLE || value <= -AUDIBLE) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? null : { first, end: last + 1 };
}

async function renderFresh(text: string, settings: VoiceSettings, finalPath: string, cacheDir: string): Promise<void> {
  const work = join(cacheDir, `.render-${randomUUID()}`);
  await mkdir(work, { recursive: true });
  try {
    const raw = join(work, 'espeak.wav');
    const converted = join(work, 'converted.wav');
    const cut = join(work, 'cut.wav');
    // The text goes in on stdin: no argument parsing of text that starts with '-'.
    await run(ESPEAK, ['-v', settings.voice, '-s', String(settings.speed), '-w', raw], text);
    await sox([raw, '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', converted]);
    const span = audibleSpan(await readMonoSamples(converted));
    if (!span) throw new Error(`espeak-ng rendered no audible speech for ${JSON.stringify(text)} (${settings.voice})`);
    await sox([converted, cut, 'trim', `${span.first}s`, `${span.end - span.first}s`]);
    // rename is atomic: a concurrent renderer of the same clip sees either nothing or the whole file.
    await rename(cut, finalPath);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Renders (or reuses from `cacheDir`) the clip for this text, voice and speed. */
export function renderUtterance(text: string, settings: VoiceSettings, cacheDir: string): Promise<RenderedClip> {
  const key = createHash('sha256').update(`${CACHE_VERSION}\n${settings.voice}\n${settings.speed}\n${text}`).digest('hex').slice(0, 24);
  const path = join(cacheDir, `${key}.wav`);
  const pending = inFlight.get(path);
  if (pending) return pending;
  const rendering = (async (): Promise<RenderedClip> => {
    await mkdir(cacheDir, { recursive: true });
    if (!(await exists(path))) await renderFresh(text, settings, path, cacheDir);
    const layout = await wavLayout(path);
    return { path, samples: layout.frameCount };
  })();
  inFlight.set(path, rendering);
  // Forget the promise once settled: the file on disk is the cache; a failure may be retried.
  void rendering.then(() => inFlight.delete(path), () => inFlight.delete(path));
  return rendering;
}
