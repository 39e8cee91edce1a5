import type { MaskSpan } from '../../core/redaction/mask-spans';

/** What covers a span: a 1 kHz tone (the broadcast "bleep") or digital silence. */
export type MaskMode = 'tone' | 'silence';
export const MASK_MODES = ['tone', 'silence'] as const satisfies readonly MaskMode[];

export const TONE_HZ = 1000;
/** -12 dBFS: clearly audible, well clear of clipping when the speech around it is loud. */
export const TONE_AMPLITUDE = 10 ** (-12 / 20);
/** Crossfade at each edge so the cut does not click; it sits inside the (padded) span. */
export const FADE_MS = 10;

interface FrameSpan {
  start: number;
  end: number;
  fade: number;
}

/**
 * Covers the spans in a recording read block after block, in order. Each block's samples are
 * replaced in place: speech × (1 − w) + cover × w, with w rising over FADE_MS at a span's start
 * and falling at its end (raised cosine). The tone's phase follows the absolute frame number, so
 * it is continuous across blocks.
 */
export function createMasker(spans: readonly MaskSpan[], sampleRate: number, mode: MaskMode): (block: readonly Float32Array[], firstFrame: number) => void {
  const fadeFrames = Math.max(1, Math.round((sampleRate * FADE_MS) / 1000));
  const frameSpans: FrameSpan[] = spans.map((span) => {
    const start = Math.floor((span.start_ms * sampleRate) / 1000);
    const end = Math.ceil((span.end_ms * sampleRate) / 1000);
    return { start, end, fade: Math.max(1, Math.min(fadeFrames, Math.floor((end - start) / 2))) };
  });
  const step = (2 * Math.PI * TONE_HZ) / sampleRate;
  const amplitude = mode === 'tone' ? TONE_AMPLITUDE : 0;
  let next = 0; // the first span that may still lie ahead

  return (block, firstFrame) => {
    const frames = block[0]?.length ?? 0;
    const lastFrame = firstFrame + frames;
    while (next < frameSpans.length && (frameSpans[next]?.end ?? 0) <= firstFrame) next++;
    for (let s = next; s < frameSpans.length; s++) {
      const span = frameSpans[s];
      if (!span || span.start >= lastFrame) break;
      const from = Math.max(span.start, firstFrame);
      const to = Math.min(span.end, lastFrame);
      for (let frame = from; frame < to; frame++) {
        const intoSpan = Math.min(frame - span.start, span.end - 1 - frame);
        const weight = intoSpan >= span.fade ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * (intoSpan + 0.5)) / span.fade);
        const cover = amplitude === 0 ? 0 : amplitude * Math.sin(step * frame);
        for (const channel of block) {
          const i = frame - firstFrame;
          channel[i] = (channel[i] ?? 0) * (1 - weight) + cover * weight;
        }
      }
    }
  };
}
