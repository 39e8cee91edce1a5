import { describe, expect, it } from 'vitest';
import { deinterleaveSamples } from '../../src/main/audio/decode/pcm';

function channelsOf(count: number, frames: number): Float32Array[] {
  return Array.from({ length: count }, () => new Float32Array(frames));
}

describe('deinterleaveSamples', () => {
  it('reads 16-bit frames into their channels at an offset', () => {
    const bytes = new Uint8Array(Int16Array.from([0, 16384, -32768, 32767, 100, -100]).buffer);
    const targets = channelsOf(2, 5);
    expect(deinterleaveSamples(bytes, 'int16', targets, 2)).toBe(3);
    expect(Array.from(targets[0] ?? [])).toEqual([0, 0, 0, -1, 100 / 32768].map((value) => Math.fround(value)));
    expect(Array.from(targets[1] ?? [])).toEqual([0, 0, 0.5, 32767 / 32768, -100 / 32768].map((value) => Math.fround(value)));
  });

  it('copies bytes at an odd offset instead of viewing them (same values)', () => {
    const samples = Int32Array.from([1 << 30, -(1 << 30), 12345678, -1]);
    const padded = new Uint8Array(samples.byteLength + 1);
    padded.set(new Uint8Array(samples.buffer), 1);
    const odd = padded.subarray(1);
    expect(odd.byteOffset % 4).toBe(1);
    const fromOdd = channelsOf(1, 4);
    const fromAligned = channelsOf(1, 4);
    deinterleaveSamples(odd, 'int32', fromOdd, 0);
    deinterleaveSamples(new Uint8Array(samples.buffer), 'int32', fromAligned, 0);
    expect(fromOdd).toEqual(fromAligned);
    expect(fromOdd[0]?.[0]).toBe(0.5);
    expect(fromOdd[0]?.[1]).toBe(-0.5);
  });

  it('sign-extends 24-bit samples', () => {
    // 0x400000 = 0.5, 0xC00000 = -0.5, 0x7FFFFF = max, 0x800000 = -1
    const bytes = Uint8Array.from([0x00, 0x00, 0x40, 0x00, 0x00, 0xc0, 0xff, 0xff, 0x7f, 0x00, 0x00, 0x80]);
    const targets = channelsOf(1, 4);
    expect(deinterleaveSamples(bytes, 'int24', targets, 0)).toBe(4);
    expect(Array.from(targets[0] ?? [])).toEqual([0.5, -0.5, Math.fround(8388607 / 8388608), -1]);
  });

  it('reads unsigned 8-bit, µ-law and A-law bytes', () => {
    const targets = channelsOf(1, 3);
    deinterleaveSamples(Uint8Array.from([128, 0, 255]), 'uint8', targets, 0);
    expect(Array.from(targets[0] ?? [])).toEqual([0, -1, Math.fround(127 / 128)]);
    // G.711: µ-law 0xFF is 0, 0x80 is +32124, 0x00 is -32124; A-law 0xD5 is +8, 0x55 is -8, 0xAA is +32256
    deinterleaveSamples(Uint8Array.from([0xff, 0x80, 0x00]), 'mulaw', targets, 0);
    expect(Array.from(targets[0] ?? [])).toEqual([0, 32124 / 32768, -32124 / 32768].map((value) => Math.fround(value)));
    deinterleaveSamples(Uint8Array.from([0xd5, 0x55, 0xaa]), 'alaw', targets, 0);
    expect(Array.from(targets[0] ?? [])).toEqual([8 / 32768, -8 / 32768, 32256 / 32768].map((value) => Math.fround(value)));
  });

  it('reads float samples as they are and ignores a trailing partial frame', () => {
    const floats = Float32Array.from([0.25, -0.75, 1.5, 0.125, 9]);
    const targets = channelsOf(2, 2);
    expect(deinterleaveSamples(new Uint8Array(floats.buffer), 'float32', targets, 0)).toBe(2);
    expect(Array.from(targets[0] ?? [])).toEqual([0.25, 1.5]);
    expect(Array.from(targets[1] ?? [])).toEqual([-0.75, 0.125]);
    const doubles = Float64Array.from([0.5, -0.25]);
    const mono = channelsOf(1, 2);
    deinterleaveSamples(new Uint8Array(doubles.buffer), 'float64', mono, 0);
    expect(Array.from(mono[0] ?? [])).toEqual([0.5, -0.25]);
  });
});
