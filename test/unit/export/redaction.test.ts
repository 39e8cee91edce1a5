import { describe, expect, it } from 'vitest';
import { maskSpans } from '../../../src/core/redaction/mask-spans';
import { createMasker, FADE_MS, TONE_AMPLITUDE } from '../../../src/main/export/mask-signal';
import { clockLabel } from '../../../src/main/export/transcript-text';
import { interleavePcm16, pcm16WavHeader } from '../../../src/main/export/wav-writer';

describe('maskSpans', () => {
  it('pads, clamps to the recording, merges what touches, and skips findings without times', () => {
    const spans = maskSpans(
      [
        { start_ms: 5000, end_ms: 6000 },
        { start_ms: 20, end_ms: 500 },
        { start_ms: 6080, end_ms: 7000 },
        { start_ms: null, end_ms: null },
        { start_ms: 9900, end_ms: 10_400 },
      ],
      10_000,
    );
    expect(spans).toEqual([
      { start_ms: 0, end_ms: 550 },
      { start_ms: 4950, end_ms: 7050 },
      { start_ms: 9850, end_ms: 10_000 },
    ]);
  });
});

describe('createMasker', () => {
  const rate = 8000;
  const ones = (frames: number) => [new Float32Array(frames).fill(0.5), new Float32Array(frames).fill(0.5)];

  it('silences a span across block boundaries, with a fade and no step at the edges', () => {
    const mask = createMasker([{ start_ms: 100, end_ms: 300 }], rate, 'silence');
    const blocks = [ones(1000), ones(1000), ones(1000)];
    blocks.forEach((block, i) => mask(block, i * 1000));
    const signal = blocks.flatMap((block) => Array.from(block[0] ?? []));
    const fade = (FADE_MS * rate) / 1000;
    expect(signal.slice(0, 800).every((v) => v === 0.5)).toBe(true);
    expect(signal.slice(800 + fade, 2400 - fade).every((v) => v === 0)).toBe(true);
    expect(signal.slice(2400).every((v) => v === 0.5)).toBe(true);
    const largestStep = Math.max(...signal.slice(1).map((v, i) => Math.abs(v - (signal[i] ?? 0))));
    expect(largestStep).toBeLessThan(0.5 / fade + 0.01);
    expect(Array.from(blocks[1]?.[1] ?? [])).toEqual(Array.from(blocks[1]?.[0] ?? [])); // every channel
  });

  it('tone: a continuous 1 kHz sine at the set level', () => {
    const mask = createMasker([{ start_ms: 0, end_ms: 1000 }], rate, 'tone');
    const block = ones(rate);
    mask(block.map((c) => c.subarray(0, 3000)), 0);
    mask(block.map((c) => c.subarray(3000)), 3000);
    const channel = block[0] ?? new Float32Array();
    const middle = channel.subarray(1000, 7000);
    expect(Math.max(...middle)).toBeCloseTo(TONE_AMPLITUDE, 3);
    expect(middle[1]).toBeCloseTo(TONE_AMPLITUDE * Math.sin((2 * Math.PI * 1000 * 1001) / rate), 5);
    expect(middle[2000]).toBeCloseTo(TONE_AMPLITUDE * Math.sin((2 * Math.PI * 1000 * 3000) / rate), 5);
  });
});

describe('the WAV writer', () => {
  it('writes a 16-bit PCM header and clamps interleaved samples', () => {
    const header = pcm16WavHeader(16_000, 2, 400);
    expect(header.toString('ascii', 0, 4)).toBe('RIFF');
    expect(header.readUInt32LE(4)).toBe(436);
    expect(header.readUInt16LE(22)).toBe(2);
    expect(header.readUInt32LE(28)).toBe(64_000);
    expect(header.readUInt32LE(40)).toBe(400);
    const bytes = interleavePcm16([Float32Array.of(0, 2, -0.5), Float32Array.of(1 / 32768, -2, 0.25)]);
    expect(Array.from(new Int16Array(bytes.buffer, bytes.byteOffset, 6))).toEqual([0, 1, 32767, -32768, -16384, 8192]);
  });
});

describe('clockLabel', () => {
  it('reads [mm:ss], minutes past an hour included, and [--:--] without a time', () => {
    expect(clockLabel(0)).toBe('[00:00]');
    expect(clockLabel(61_999)).toBe('[01:01]');
    expect(clockLabel(75 * 60_000 + 3000)).toBe('[75:03]');
    expect(clockLabel(null)).toBe('[--:--]');
  });
});
