import { describe, expect, it } from 'vitest';
import { createSequenceModel, initialiseSequenceModel, parameterView, traceSequence, type SequenceModel } from '../../engine/recurrent';
import { Rng } from '../../engine/rng';
import {
  meanGates,
  outputMatrix,
  quantityMatrix,
  scaleFor,
  stateLines,
  stepsMatrix,
  traceCsv,
  unitLines,
} from '../../renderer/views/recurrent/gate-series';

const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

/** A one-unit LSTM with every parameter set by hand: W_g, U_g, b_g for g = r, s, f, l. */
function tinyLstm(): SequenceModel {
  const m = createSequenceModel({ cell: 'lstm', inputSize: 1, hiddenSize: 1, outputSize: 1, outputActivation: 'linear', cost: 'quadratic' });
  const set = (name: string, v: number): void => {
    parameterView(m, name)[0] = v;
  };
  set('W_r', 0.5);
  set('U_r', -1);
  set('b_r', 1);
  set('W_s', 2);
  set('U_s', 0.5);
  set('b_s', -0.5);
  set('W_f', -1);
  set('U_f', 1);
  set('b_f', 0.25);
  set('W_l', 1.5);
  set('U_l', 0.75);
  set('b_l', 0);
  set('W_y', 2);
  set('b_y', 0.1);
  return m;
}

describe('gate view series', () => {
  it('gives one unit’s rem, save, focus, ltm, ltm′ and wm by the seed’s equations (figure 5.2), worked by hand', () => {
    const xs = [1, -0.5];
    const trace = traceSequence(tinyLstm(), xs.map((x) => [x]));
    // The oracle: figure 5.2 step by step, from ltm_0 = wm_0 = 0.
    let ltm = 0;
    let wm = 0;
    const expected = xs.map((x) => {
      const rem = sigma(0.5 * x - 1 * wm + 1);
      const save = sigma(2 * x + 0.5 * wm - 0.5);
      const focus = sigma(-1 * x + 1 * wm + 0.25);
      const candidate = Math.tanh(1.5 * x + 0.75 * wm);
      ltm = rem * ltm + save * candidate;
      wm = focus * Math.tanh(ltm);
      return { rem, save, focus, candidate, ltm, wm };
    });
    const lines = unitLines(trace, 0);
    expect(lines.map((l) => l.key)).toEqual(['rem', 'save', 'focus', 'candidate', 'ltm', 'wm']);
    expect(lines.map((l) => l.label)).toEqual(['rem_t', 'save_t', 'focus_t', "ltm'_t", 'ltm_t', 'wm_t']);
    for (const line of lines) {
      line.ys.forEach((v, t) => expect(v).toBeCloseTo(expected[t][line.key as keyof (typeof expected)[number]], 14));
    }
    // The readout y_t = 2 wm_t + 0.1.
    expect(outputMatrix(trace).values[1]).toBeCloseTo(2 * expected[1].wm + 0.1, 14);
  });

  it('lays a quantity out as units x steps, the matrix a heatmap draws', () => {
    const m = createSequenceModel({ cell: 'lstm', inputSize: 2, hiddenSize: 3, outputSize: 2, outputActivation: 'softmax', cost: 'logLikelihood' });
    initialiseSequenceModel(m, new Rng(3));
    const rng = new Rng(4);
    const trace = traceSequence(m, Array.from({ length: 5 }, () => [rng.normal(), rng.normal()]));
    if (trace.cell !== 'lstm') throw new Error('expected an LSTM trace');
    const rem = quantityMatrix(trace, 'rem');
    expect([rem.rows, rem.cols]).toEqual([3, 5]);
    for (let i = 0; i < 3; i++) for (let t = 0; t < 5; t++) expect(rem.values[i * 5 + t]).toBe(trace.steps[t].rem[i]);
    const all = trace.steps.flatMap((s) => s.rem);
    expect(rem.min).toBe(Math.min(...all));
    expect(rem.max).toBe(Math.max(...all));
    expect(stateLines(trace).map((l) => Array.from(l))).toEqual([0, 1, 2].map((i) => trace.steps.map((s) => s.wm[i])));
    expect(() => quantityMatrix(trace, 'h')).toThrow(/has wm_t, not h_t/);
    const means = meanGates(trace);
    expect(means.save).toBeCloseTo(trace.steps.flatMap((s) => s.save).reduce((a, b) => a + b, 0) / 15, 14);
  });

  it('plots h for a plain recurrent layer', () => {
    const m = createSequenceModel({ cell: 'rnn', inputSize: 1, hiddenSize: 2, outputSize: 1, outputActivation: 'linear', cost: 'quadratic' });
    initialiseSequenceModel(m, new Rng(1));
    const trace = traceSequence(m, [[1], [0], [-1]]);
    if (trace.cell !== 'rnn') throw new Error('expected a plain trace');
    const lines = unitLines(trace, 1);
    expect(lines.map((l) => l.label)).toEqual(['h_t']);
    expect(Array.from(lines[0].ys)).toEqual(trace.steps.map((s) => s.h[1]));
    expect(meanGates(trace)).toEqual({});
  });

  it('leaves NaN where a step has no target, and scales the gates 0..1 and the memory symmetrically', () => {
    const m = stepsMatrix([null, [0, 1], null, [1, 0]], 2);
    expect(Array.from(m.values)).toEqual([Number.NaN, 0, Number.NaN, 1, Number.NaN, 1, Number.NaN, 0]);
    expect([m.min, m.max]).toEqual([0, 1]);
    expect(stepsMatrix([null, null], 1)).toMatchObject({ min: 0, max: 0 });
    expect(scaleFor({ range: [0, 1], scale: 'sequential' }, { min: 0.2, max: 0.3 })).toEqual({ lo: 0, hi: 1 });
    expect(scaleFor({ range: null, scale: 'signed' }, { min: -0.5, max: 2 })).toEqual({ lo: -2, hi: 2 });
  });

  it('exports the trace as CSV, one row per step and unit', () => {
    const trace = traceSequence(tinyLstm(), [[1], [2], [3]]);
    const lines = traceCsv(trace).trim().split('\n');
    expect(lines[0]).toBe("step,unit,rem_t,save_t,focus_t,ltm'_t,ltm_t,wm_t");
    expect(lines).toHaveLength(1 + 3);
    const last = lines[3].split(',').map(Number);
    expect(last.slice(0, 2)).toEqual([3, 1]);
    if (trace.cell === 'lstm') expect(last[6]).toBe(trace.steps[2].ltm[0]);
  });
});
