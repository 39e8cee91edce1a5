import { spokenMs } from './measure';
import type { VoiceSettings } from './render';
import type { ScriptedUtterance, Speaker } from './types';

import { seededRandom } from '../../../src/core/model/seeded-random';

export { seededRandom };

export interface Random {
  /** an integer in [min, max]. */
  int(min: number, max: number): number;
  /** a new array with the items in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

export function random(seed: number): Random {
  const next = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    shuffle: <T>(items: readonly T[]): T[] => {
      const shuffled = [...items];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = int(0, i);
        const swapped = shuffled[j];
        if (swapped === undefined) continue;
        shuffled[j] = shuffled[i] ?? swapped;
        shuffled[i] = swapped;
      }
      return shuffled;
    },
  };
}

export interface Spoken {
  start_ms: number;
  /** when this speech actually ends (cut short by an interruption, if any). */
  end_ms: number;
}

/**
 * Writes a script on a timeline: each step starts relative to where the floor was left, and the
 * spoken lengths come from `spokenMs`, so the gaps and overlaps asked for are the ones rendered.
 */
export interface ScriptBuilder {
  utterances: ScriptedUtterance[];
  /** when the last speech on the floor ends. */
  floorEnd: number;
  voices: Record<Speaker, VoiceSettings>;
}

export function scriptBuilder(voices: Record<Speaker, VoiceSettings>, startMs = 0): ScriptBuilder {
  return { utterances: [], floorEnd: startMs, voices };
}

export const other = (speaker: Speaker): Speaker => (speaker === 'agent' ? 'user' : 'agent');

export function place(builder: ScriptBuilder, utterance: Omit<ScriptedUtterance, 'voice' | 'speed'>): Spoken {
  const settings = builder.voices[utterance.speaker];
  const start_ms = Math.round(utterance.start_ms);
  builder.utterances.push({ ...utterance, start_ms, voice: settings.voice, speed: settings.speed });
  return { start_ms, end_ms: start_ms + spokenMs(utterance.text, settings) };
}

/** A turn `gapMs` after the floor ends (a reply, when the speaker changes). */
export function turn(builder: ScriptBuilder, speaker: Speaker, text: string, gapMs: number): Spoken {
  const spoken = place(builder, { speaker, text, start_ms: builder.floorEnd + gapMs, kind: 'turn' });
  builder.floorEnd = spoken.end_ms;
  return spoken;
}

/**
 * A turn that the other speaker cuts into `afterMs` after it starts; the host goes on for
 * `overlapMs` more and stops, the interrupter finishes and holds the floor.
 */
export function interruptedTurn(
  builder: ScriptBuilder,
  host: { speaker: Speaker; text: string; gapMs: number },
  interruption: { text: string; afterMs: number; overlapMs: number },
): { host: Spoken; interruption: Spoken } {
  const hostLength = spokenMs(host.text, builder.voices[host.speaker]);
  // Leave the host at least 300 ms it would still have said, so the cut is a real cut.
  const afterMs = Math.max(400, Math.min(interruption.afterMs, hostLength - interruption.overlapMs - 300));
  const hostSpoken = place(builder, { speaker: host.speaker, text: host.text, start_ms: builder.floorEnd + host.gapMs, kind: 'turn' });
  const cut = place(builder, {
    speaker: other(host.speaker),
    text: interruption.text,
    start_ms: hostSpoken.start_ms + afterMs,
    kind: 'interruption',
    overlap_ms: interruption.overlapMs,
  });
  const hostEnd = cut.start_ms + interruption.overlapMs;
  if (hostEnd >= hostSpoken.end_ms - 200 || cut.end_ms <= hostEnd + 200) {
    throw new Error(`scenario: "${interruption.text}" cannot cut into "${host.text}" with a ${interruption.overlapMs} ms overlap`);
  }
  builder.floorEnd = cut.end_ms;
  return { host: { start_ms: hostSpoken.start_ms, end_ms: hostEnd }, interruption: cut };
}

/** A long turn with the listener's backchannels placed inside it, at least 700 ms from its ends. */
export function turnWithBackchannels(
  builder: ScriptBuilder,
  host: { speaker: Speaker; text: string; gapMs: number },
  backchannels: readonly string[],
  rng: Random,
): { host: Spoken; backchannels: Spoken[] } {
  const hostSpoken = turn(builder, host.speaker, host.text, host.gapMs);
  const listener = other(host.speaker);
  const placed: Spoken[] = [];
  let earliest = hostSpoken.start_ms + 700;
  backchannels.forEach((text, index) => {
    const length = spokenMs(text, builder.voices[listener]);
    const left = backchannels.length - index;
    const latest = hostSpoken.end_ms - 700 - length - (left - 1) * (length + 500);
    if (latest < earliest) throw new Error(`scenario: "${host.text}" is too short for ${backchannels.length} backchannels`);
    const start = rng.int(Math.ceil(earliest), Math.floor(earliest + (latest - earliest) / left));
    const spoken = place(builder, { speaker: listener, text, start_ms: start, kind: 'backchannel' });
    placed.push(spoken);
    earliest = spoken.end_ms + 500;
  });
  return { host: hostSpoken, backchannels: placed };
}
