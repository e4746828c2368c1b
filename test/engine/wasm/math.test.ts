/** The kernel's exp, log, sigmoid and tanh against Math's, in both precisions, including NaN and the ends of the range. */
import { describe, expect, it } from 'vitest';
import type { Precision } from '../../../engine/compile';
import { Rng } from '../../../engine/rng';
import { MATH_OPS } from '../../../engine/wasm/abi';
import { instantiate, wasmSimdAvailable } from '../../../engine/wasm/runtime';

const AT = 65536;

function apply(precision: Precision, name: keyof typeof MATH_OPS, xs: number[]): number[] {
  const wasm = instantiate(precision, 'plain', 4);
  if (!wasm) throw new Error('no wasm instance');
  const lanes = precision === 'float32' ? 4 : 2;
  const n = Math.ceil(xs.length / lanes) * lanes;
  const view = precision === 'float32' ? new Float32Array(wasm.memory.buffer, AT, n) : new Float64Array(wasm.memory.buffer, AT, n);
  view.set(xs);
  wasm.exports.math(MATH_OPS[name], AT, n);
  return Array.from(view.subarray(0, xs.length));
}

function sample(rng: Rng, lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, () => rng.uniform(lo, hi));
}

/** Largest error in units of the reference's precision: |a - e| / (ulp-ish scale of e). */
function worstError(actual: number[], expected: number[], scale: (e: number) => number): number {
  let worst = 0;
  actual.forEach((a, i) => {
    const e = expected[i];
    if (a === e) return;
    const d = Math.abs(a - e) / scale(e);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  });
  return worst;
}

const F32_EPS = 2 ** -23;
const F64_EPS = 2 ** -52;

describe.runIf(wasmSimdAvailable())('kernel math', () => {
  const rng = new Rng(31);

  it('float32 exp, log, sigmoid, tanh are within 2 ulps of Math (rounded to float32)', () => {
    const f = Math.fround;
    const xs = sample(rng, -87, 88, 4000).map(f);
    expect(worstError(apply('float32', 'exp', xs), xs.map((x) => f(Math.exp(x))), (e) => e * F32_EPS)).toBeLessThanOrEqual(2);
    const positives = sample(rng, -86, 88, 4000).map((t) => f(Math.exp(t)));
    // Near 1, log is near 0: measure against ulp(1) there.
    expect(worstError(apply('float32', 'log', positives), positives.map((x) => f(Math.log(x))), (e) => Math.max(Math.abs(e), 1) * F32_EPS)).toBeLessThanOrEqual(2);
    const zs = sample(rng, -30, 30, 4000).map(f);
    expect(worstError(apply('float32', 'sigmoid', zs), zs.map((z) => f(1 / (1 + Math.exp(-z)))), (e) => e * F32_EPS)).toBeLessThanOrEqual(2);
    const ts = [...sample(rng, -10, 10, 3000), ...sample(rng, -0.7, 0.7, 1000), 1e-6, -3e-5].map(f);
    expect(worstError(apply('float32', 'tanh', ts), ts.map((t) => f(Math.tanh(t))), (e) => Math.abs(e) * F32_EPS)).toBeLessThanOrEqual(2);
  });

  it('float64 exp, log, sigmoid, tanh are within 2 ulps of Math', () => {
    const xs = sample(rng, -708, 709, 4000);
    expect(worstError(apply('float64', 'exp', xs), xs.map(Math.exp), (e) => e * F64_EPS)).toBeLessThanOrEqual(2);
    const positives = [...sample(rng, -700, 700, 3000).map(Math.exp), ...sample(rng, 0.5, 2, 1000)];
    expect(worstError(apply('float64', 'log', positives), positives.map(Math.log), (e) => Math.max(Math.abs(e), 1) * F64_EPS)).toBeLessThanOrEqual(2);
    const zs = sample(rng, -40, 40, 4000);
    expect(worstError(apply('float64', 'sigmoid', zs), zs.map((z) => 1 / (1 + Math.exp(-z))), (e) => e * F64_EPS)).toBeLessThanOrEqual(2);
    const ts = [...sample(rng, -20, 20, 3000), ...sample(rng, -0.7, 0.7, 1000), 1e-9, -2e-12];
    expect(worstError(apply('float64', 'tanh', ts), ts.map(Math.tanh), (e) => Math.abs(e) * F64_EPS)).toBeLessThanOrEqual(2);
  });

  for (const precision of ['float32', 'float64'] as const) {
    it(`keeps NaN and the ends of the range right (${precision})`, () => {
      const big = precision === 'float32' ? 100 : 800;
      expect(apply(precision, 'exp', [NaN, Infinity, -Infinity, big, -big * 2, 0])).toEqual([NaN, Infinity, 0, Infinity, 0, 1]);
      expect(apply(precision, 'sigmoid', [NaN, Infinity, -Infinity, big, -big])).toEqual([NaN, 1, 0, 1, 0]);
      expect(apply(precision, 'tanh', [NaN, Infinity, -Infinity, 0, -big])).toEqual([NaN, 1, -1, 0, -1]);
      expect(apply(precision, 'log', [NaN, 1])).toEqual([NaN, 0]);
      // The cost's log is the JS kernel's log(max(a, 1e-300)): an output of exactly 0 costs -ln(1e-300).
      const [zero, nan] = apply(precision, 'costLog', [0, NaN]);
      expect(zero).toBeCloseTo(Math.log(1e-300), precision === 'float32' ? 3 : 12);
      expect(nan).toBeNaN();
    });
  }
});
