import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SequenceDataset } from '../../../engine/datasets/sequences';
import { createSequenceModel, parameterView, type SequenceModel } from '../../../engine/recurrent/model';
import { LSTM_GATES, type SequenceModelSpec } from '../../../engine/recurrent/layout';
import { SequenceRunner } from '../../../engine/recurrent/runner';
import { traceSequence } from '../../../engine/recurrent/trace';
import { Rng } from '../../../engine/rng';
import { requirePython } from '../../oracles/nielsen';

const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

function model(cell: 'lstm' | 'rnn', p: number, d: number, extra: Partial<SequenceModelSpec> = {}): SequenceModel {
  return createSequenceModel({ cell, inputSize: p, hiddenSize: d, outputSize: 1, outputActivation: 'linear', cost: 'quadratic', ...extra });
}

function set(m: SequenceModel, values: Record<string, number[]>): void {
  for (const [name, v] of Object.entries(values)) parameterView(m, name).set(v);
}

/** One regression sequence with its target at the last step. */
function sequence(xs: number[][], y: number): SequenceDataset {
  return {
    name: 'hand',
    task: 'regression',
    inputSize: xs[0].length,
    outputSize: 1,
    count: 1,
    offsets: Uint32Array.from([0, xs.length]),
    x: Float64Array.from(xs.flat()),
    targets: 'last',
    y: Float64Array.from([y]),
  };
}

describe("the seed's LSTM cell (figure 5.2)", () => {
  it('computes two steps of one unit as the equations say, by hand', () => {
    const m = model('lstm', 1, 1);
    set(m, { W_r: [0.5], U_r: [-1], b_r: [0.2], W_s: [1.5], U_s: [0.3], b_s: [-0.1], W_f: [-0.7], U_f: [2], b_f: [0.4], W_l: [1.2], U_l: [-0.6], b_l: [0.05] });
    const xs = [0.8, -1.1];
    let ltm = 0;
    let wm = 0;
    const expected = xs.map((x) => {
      const rem = sigma(0.5 * x - 1 * wm + 0.2);
      const save = sigma(1.5 * x + 0.3 * wm - 0.1);
      const focus = sigma(-0.7 * x + 2 * wm + 0.4);
      const candidate = Math.tanh(1.2 * x - 0.6 * wm + 0.05);
      ltm = rem * ltm + save * candidate;
      wm = focus * Math.tanh(ltm);
      return { rem, save, focus, candidate, ltm, wm };
    });
    // Step 1 by hand: ltm_0 = wm_0 = 0, so rem_1 plays no part.
    expect(expected[0].ltm).toBeCloseTo(sigma(1.1) * Math.tanh(1.01), 15);
    const trace = traceSequence(m, xs.map((x) => [x]));
    if (trace.cell !== 'lstm') throw new Error('expected an LSTM trace');
    trace.steps.forEach((s, t) => {
      for (const key of ['rem', 'save', 'focus', 'candidate', 'ltm', 'wm'] as const) expect(s[key][0]).toBeCloseTo(expected[t][key], 14);
    });
  });

  it('reads each gate from its own W, U and b (a change in W_g moves gate g only)', () => {
    const names = { r: 'rem', s: 'save', f: 'focus', l: 'candidate' } as const;
    const xs = [[1], [0.5]];
    const base = model('lstm', 1, 1);
    const before = traceSequence(base, xs);
    for (const g of LSTM_GATES) {
      const m = model('lstm', 1, 1);
      set(m, { [`W_${g}`]: [0.9] });
      const after = traceSequence(m, xs);
      if (after.cell !== 'lstm' || before.cell !== 'lstm') throw new Error('expected LSTM traces');
      for (const other of LSTM_GATES) {
        const moved = after.steps[0][names[other]][0] !== before.steps[0][names[other]][0];
        expect(moved, `W_${g} moved ${names[other]}`).toBe(other === g);
      }
    }
  });

  it('agrees with a numpy transcription of figure 5.2 on random weights (d = 3, p = 2, T = 6)', () => {
    requirePython();
    const rng = new Rng(42);
    const p = 2;
    const d = 3;
    const m = model('lstm', p, d);
    const named: Record<string, number[][] | number[]> = {};
    for (const g of LSTM_GATES) {
      const W = Array.from({ length: d }, () => Array.from({ length: p }, () => rng.uniform(-1.5, 1.5)));
      const U = Array.from({ length: d }, () => Array.from({ length: d }, () => rng.uniform(-1.5, 1.5)));
      const b = Array.from({ length: d }, () => rng.uniform(-1, 1));
      named[`W_${g}`] = W;
      named[`U_${g}`] = U;
      named[`b_${g}`] = b;
      set(m, { [`W_${g}`]: W.flat(), [`U_${g}`]: U.flat(), [`b_${g}`]: b });
    }
    const xs = Array.from({ length: 6 }, () => Array.from({ length: p }, () => rng.uniform(-2, 2)));
    const oracle = join(dirname(fileURLToPath(import.meta.url)), 'lstm_oracle.py');
    const r = spawnSync(process.env.PYTHON ?? 'python3', [oracle], { input: JSON.stringify({ ...named, xs }), encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const expected = (JSON.parse(r.stdout) as { steps: Record<string, number[]>[] }).steps;
    const trace = traceSequence(m, xs);
    if (trace.cell !== 'lstm') throw new Error('expected an LSTM trace');
    let worst = 0;
    trace.steps.forEach((s, t) => {
      for (const key of ['rem', 'save', 'focus', 'candidate', 'ltm', 'wm'] as const) {
        for (let i = 0; i < d; i++) worst = Math.max(worst, Math.abs(s[key][i] - expected[t][key][i]));
      }
    });
    expect(worst).toBeLessThan(1e-13);
    // The weights were not all small: some gate saturated somewhere.
    expect(trace.steps.some((s) => s.rem.some((v) => v > 0.9 || v < 0.1))).toBe(true);
  });

  it('keeps the trace consistent with the equations and with the runner’s outputs', () => {
    const m = createSequenceModel({ cell: 'lstm', inputSize: 3, hiddenSize: 4, outputSize: 3, outputActivation: 'softmax', cost: 'logLikelihood' });
    const rng = new Rng(5);
    for (let i = 0; i < m.params.length; i++) m.params[i] = rng.uniform(-1, 1);
    const xs = Array.from({ length: 7 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const trace = traceSequence(m, xs);
    if (trace.cell !== 'lstm') throw new Error('expected an LSTM trace');
    trace.steps.forEach((s, t) => {
      const prev = t > 0 ? trace.steps[t - 1].ltm : [0, 0, 0, 0];
      for (let i = 0; i < 4; i++) {
        expect(s.ltm[i]).toBeCloseTo(s.rem[i] * prev[i] + s.save[i] * s.candidate[i], 14);
        expect(s.wm[i]).toBeCloseTo(s.focus[i] * Math.tanh(s.ltm[i]), 14);
        for (const gate of [s.rem, s.save, s.focus]) expect(gate[i] > 0 && gate[i] < 1).toBe(true);
      }
      expect(s.output.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    });
    expect(() => traceSequence(m, [[1, 2]])).toThrow(/step 1 of the sequence has 2 numbers, but the model takes 3/);
    expect(() => traceSequence(m, [])).toThrow(/at least one step/);
  });
});

describe('the plain recurrent layer h_t = tanh(W x_t + U h_{t-1} + b)', () => {
  it('computes a one-unit sequence by hand, and backpropagates through time to x_1 as the product rule says', () => {
    const [w, u, b, v, c] = [0.7, 0.9, -0.2, 1.3, 0.1];
    const m = model('rnn', 1, 1);
    set(m, { W: [w], U: [u], b: [b], W_y: [v], b_y: [c] });
    const xs = [0.5, -1, 2, 0.25];
    const y = 0.3;
    const h: number[] = [];
    xs.forEach((x, t) => h.push(Math.tanh(w * x + (t > 0 ? u * h[t - 1] : 0) + b)));
    const trace = traceSequence(m, xs.map((x) => [x]));
    if (trace.cell !== 'rnn') throw new Error('expected an RNN trace');
    trace.steps.forEach((s, t) => expect(s.h[0]).toBeCloseTo(h[t], 15));
    // C = (v h_T + c - y)^2 / 2;  dC/dx_1 = (a - y) v (prod_{t=2..T} (1 - h_t^2) u) (1 - h_1^2) w.
    const a = v * h[3] + c;
    let chain = (a - y) * v;
    for (let t = 3; t >= 1; t--) chain *= (1 - h[t] * h[t]) * u;
    const expected = chain * (1 - h[0] * h[0]) * w;
    const runner = new SequenceRunner(m);
    const dx = new Float64Array(4);
    const outcome = runner.run(sequence(xs.map((x) => [x]), y), 0, null, dx);
    expect(outcome.cost).toBeCloseTo(0.5 * (a - y) ** 2, 15);
    expect(dx[0]).toBeCloseTo(expected, 14);
  });
});

describe('dC/dx_t, the gradient that reaches each input', () => {
  for (const cell of ['lstm', 'rnn'] as const) {
    it(`matches central differences over the inputs for the ${cell} (T = 1 .. 12)`, () => {
      const rng = new Rng(cell === 'lstm' ? 11 : 12);
      let worst = 0;
      for (let T = 1; T <= 12; T++) {
        const m = createSequenceModel({ cell, inputSize: 2, hiddenSize: 3, outputSize: 1, outputActivation: 'tanh', cost: 'quadratic' });
        for (let i = 0; i < m.params.length; i++) m.params[i] = rng.uniform(-1, 1);
        const xs = Array.from({ length: T }, () => [rng.normal(), rng.normal()]);
        const data = sequence(xs, 0.4);
        const runner = new SequenceRunner(m);
        const dx = new Float64Array(T * 2);
        runner.run(data, 0, null, dx);
        const h = 1e-4;
        for (let k = 0; k < T * 2; k++) {
          const saved = data.x[k];
          const at = (s: number): number => {
            data.x[k] = saved + s;
            return runner.run(data, 0).cost;
          };
          const numeric = (8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h);
          data.x[k] = saved;
          worst = Math.max(worst, Math.abs(dx[k] - numeric) / Math.max(Math.abs(dx[k]) + Math.abs(numeric), 1e-7));
        }
      }
      expect(worst).toBeLessThan(1e-6);
    });
  }
});
