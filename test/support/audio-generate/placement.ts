import type { PlacedClip } from './assemble';
import type { RenderedClip } from './render';
import type { ScriptedUtterance } from './types';
import { SAMPLES_PER_MS } from './wav';

/** How long an interrupted speaker goes on when the script does not say. */
export const DEFAULT_YIELD_MS = 500;

export interface Placement extends PlacedClip {
  /** the words actually heard: all of them, or the share that fits in the kept audio. */
  text: string;
}

/**
 * Puts each clip at its scripted start and makes interrupted speakers yield: an interruption
 * that starts inside the other speaker's speech cuts that speech to end `overlap_ms` later, the
 * way a real agent (or caller) stops talking shortly after being talked over.
 */
export function placeUtterances(utterances: readonly ScriptedUtterance[], clips: readonly RenderedClip[]): Placement[] {
  const placements: Placement[] = utterances.map((utterance, index) => {
    const clip = clips[index];
    if (!clip) throw new Error(`utterance ${index} was not rendered`);
    if (!Number.isFinite(utterance.start_ms) || utterance.start_ms < 0) throw new Error(`utterance ${index}: start_ms must be a number >= 0`);
    return { speaker: utterance.speaker, clip, startSample: Math.round(utterance.start_ms * SAMPLES_PER_MS), keptSamples: clip.samples, text: utterance.text };
  });

  const byStart = placements.map((placement, index) => ({ placement, utterance: utterances[index] })).sort((a, b) => a.placement.startSample - b.placement.startSample);
  for (const { placement: interrupter, utterance } of byStart) {
    if (utterance?.kind !== 'interruption') continue;
    const yieldMs = utterance.overlap_ms ?? DEFAULT_YIELD_MS;
    if (!(yieldMs > 0)) throw new Error('overlap_ms must be > 0');
    const start = interrupter.startSample;
    const host = placements
      .filter((other) => other.speaker !== interrupter.speaker && other.startSample < start && start < other.startSample + other.keptSamples)
      .sort((a, b) => b.startSample - a.startSample)[0];
    if (!host) continue;
    host.keptSamples = Math.min(host.keptSamples, start + Math.round(yieldMs * SAMPLES_PER_MS) - host.startSample);
  }

  for (const placement of placements) {
    if (placement.keptSamples < placement.clip.samples) placement.text = spokenPart(placement.text, placement.keptSamples / placement.clip.samples);
  }
  return placements;
}

/** The leading share of the words, at least one: a cut-off speaker said about that much. */
function spokenPart(text: string, share: number): string {
  const words = text.trim().split(/\s+/);
  return words.slice(0, Math.max(1, Math.ceil(words.length * share))).join(' ');
}
