/**
 * Band-limited resampling (windowed sinc, 16 zero crossings, Blackman window) of the local engines'
 * 16/22.05 kHz output to 48 kHz in-process: spawning ffmpeg for every sentence cost more than the
 * synthesis itself on a loaded 2-core machine. Same input, same output, on every machine.
 */
const ZERO_CROSSINGS = 16;
const RESOLUTION = 512;

const TABLE = (() => {
  const t = new Float32Array(ZERO_CROSSINGS * RESOLUTION + 2);
  for (let j = 0; j < t.length; j++) {
    const x = j / RESOLUTION;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const w = x >= ZERO_CROSSINGS ? 0 : 0.42 + 0.5 * Math.cos((Math.PI * x) / ZERO_CROSSINGS) + 0.08 * Math.cos((2 * Math.PI * x) / ZERO_CROSSINGS);
    t[j] = sinc * w;
  }
  return t;
})();

function kernel(x: number): number {
  const a = Math.abs(x) * RESOLUTION;
  const j = a | 0;
  if (j >= ZERO_CROSSINGS * RESOLUTION) return 0;
  const f = a - j;
  return TABLE[j]! * (1 - f) + TABLE[j + 1]! * f;
}

export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input;
  const ratio = toRate / fromRate;
  // Downsampling narrows the filter to the new Nyquist frequency; upsampling keeps the input's.
  const scale = Math.min(1, ratio);
  const reach = ZERO_CROSSINGS / scale;
  const out = new Float32Array(Math.round(input.length * ratio));
  for (let i = 0; i < out.length; i++) {
    const t = i / ratio;
    const lo = Math.max(0, Math.ceil(t - reach));
    const hi = Math.min(input.length - 1, Math.floor(t + reach));
    let sum = 0;
    for (let k = lo; k <= hi; k++) sum += input[k]! * kernel((t - k) * scale);
    out[i] = sum * scale;
  }
  return out;
}
