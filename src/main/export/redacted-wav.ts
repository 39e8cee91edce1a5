import { open } from 'node:fs/promises';
import { maskSpans } from '../../core/redaction/mask-spans';
import type { CallFinding } from '../../core/pii/call-findings';
import { openAudioFile } from '../audio/decode';
import { createMasker, type MaskMode } from './mask-signal';
import { pcm16WavWriter } from './wav-writer';

export interface RedactedWavResult {
  sampleRate: number;
  channelCount: number;
  frames: number;
  bytes: number;
  /** the covered stretches, after padding and merging. */
  spans: { start_ms: number; end_ms: number }[];
}

/**
 * Decodes the recording block by block, covers every finding's time span (padded, see
 * maskSpans) with a tone or silence, and writes a 16-bit PCM WAV of the same sample rate and
 * channels to `outPath`. Only one block (about 1 MiB of samples) is in memory at a time.
 */
export async function writeRedactedWav(sourcePath: string, findings: readonly CallFinding[], mode: MaskMode, outPath: string): Promise<RedactedWavResult> {
  const reader = await openAudioFile(sourcePath);
  const { sampleRate, channelCount, frameCount } = reader.info;
  const durationMs = frameCount === null ? Number.POSITIVE_INFINITY : (frameCount * 1000) / sampleRate;
  const spans = maskSpans(findings, durationMs);
  const mask = createMasker(spans, sampleRate, mode);
  const handle = await open(outPath, 'wx');
  try {
    const writer = await pcm16WavWriter(handle, sampleRate, channelCount);
    let frame = 0;
    for await (const block of reader.blocks()) {
      mask(block, frame);
      await writer.write(block);
      frame += block[0]?.length ?? 0;
    }
    const { frames, bytes } = await writer.finish();
    const lastMs = (frames * 1000) / sampleRate;
    return { sampleRate, channelCount, frames, bytes, spans: spans.filter((s) => s.start_ms < lastMs).map((s) => ({ start_ms: s.start_ms, end_ms: Math.min(s.end_ms, lastMs) })) };
  } finally {
    await reader.close();
    await handle.close();
  }
}
