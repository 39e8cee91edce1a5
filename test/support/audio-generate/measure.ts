import { execFileSync } from 'node:child_process';
import { ESPEAK, SOX } from './run-tool';
import { audibleSpan, type VoiceSettings } from './render';
import { SAMPLES_PER_MS, SAMPLE_RATE, int16Samples } from './wav';

const spokenLengths = new Map<string, number>();

/**
 * How long espeak-ng speaks this text, in ms of audible speech, computed exactly as the renderer
 * does (same espeak call, same sox conversion, same cut), so a script built from it places its
 * gaps, overlaps and backchannels to the sample. Synchronous so that `scenario()` stays a plain
 * function returning data; memoized per process (a scenario asks for ~20 phrases, ~20 ms each).
 */
export function spokenMs(text: string, settings: VoiceSettings): number {
  const key = `${settings.voice}\n${settings.speed}\n${text}`;
  const known = spokenLengths.get(key);
  if (known !== undefined) return known;
  const spoken = execFileSync(ESPEAK, ['-v', settings.voice, '-s', String(settings.speed), '--stdout'], { input: text, maxBuffer: 64 * 1024 * 1024 });
  // raw samples out: a WAV streamed to a pipe declares a length it cannot know, so there is no header to trust
  const converted = execFileSync(SOX, ['-D', '-R', '-V1', '-t', 'wav', '-', '-t', 'raw', '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-L', '-'], {
    input: spoken,
    maxBuffer: 64 * 1024 * 1024,
  });
  const span = audibleSpan(int16Samples(converted));
  if (!span) throw new Error(`espeak-ng speaks no audible speech for ${JSON.stringify(text)} (${settings.voice})`);
  const ms = (span.end - span.first) / SAMPLES_PER_MS;
  spokenLengths.set(key, ms);
  return ms;
}
