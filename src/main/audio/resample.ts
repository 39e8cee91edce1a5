/**
 * Samples at another rate, for the speech model (8 or 16 kHz): a windowed-sinc low-pass under
 * the lower Nyquist frequency, then linear interpolation. Good enough for a detector's ears, and
 * the same rate in, the same samples out.
 */
const TAPS = 31;

function lowPass(cutoff: number): Float32Array {
  const taps = new Float32Array(TAPS);
  const middle = (TAPS - 1) / 2;
  let sum = 0;
  for (let i = 0; i < TAPS; i++) {
    const x = i - middle;
    const sinc = x === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
    const window = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (TAPS - 1));
    taps[i] = sinc * window;
    sum += taps[i] ?? 0;
  }
  return taps.map((t) => t / sum);
}

export function resample(samples: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return samples;
  let source = samples;
  if (to < from) {
    // cutoff as a share of the source rate: 0.45 of the target's Nyquist
    const taps = lowPass((0.45 * to) / from);
    const middle = (TAPS - 1) / 2;
    source = new Float32Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      let acc = 0;
      for (let t = 0; t < TAPS; t++) acc += (taps[t] ?? 0) * (samples[i + t - middle] ?? 0);
      source[i] = acc;
    }
  }
  const length = Math.floor((samples.length * to) / from);
  const out = new Float32Array(length);
  const step = from / to;
  for (let i = 0; i < length; i++) {
    const at = i * step;
    const k = Math.floor(at);
    const fraction = at - k;
    out[i] = (source[k] ?? 0) * (1 - fraction) + (source[k + 1] ?? source[k] ?? 0) * fraction;
  }
  return out;
}
