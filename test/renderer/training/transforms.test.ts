import Papa from 'papaparse/papaparse.js';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../engine/rng';
import type { EpochMetrics } from '../../../engine/train';
import {
  csvCell,
  decadeTicks,
  decimateRows,
  epochRows,
  metricsCsv,
  presentMetrics,
  runSeries,
  seriesKey,
  speedRows,
  type Row,
  type RunMetrics,
} from '../../../renderer/training/transforms';

const metrics = (epoch: number, over: Partial<EpochMetrics> = {}): EpochMetrics => ({
  epoch,
  trainingCost: 1 / epoch,
  testCost: 2 / epoch,
  testAccuracy: 1 - 1 / (epoch + 1),
  testDeviation: null,
  elapsedMs: 10 * epoch,
  speedOfLearning: [
    { nodeId: 'hidden', speed: 0.01 * epoch },
    { nodeId: 'out', speed: 0.1 * epoch },
  ],
  ...over,
});

const run = (id: number, epochs: EpochMetrics[], label = `Run ${id}`): RunMetrics => ({
  id,
  label,
  datasetLabel: 'MNIST digits',
  seed: 1,
  hyperparameters: { eta: 0.5, lambda: 5, batchSize: 10, optimizer: 'sgd' },
  epochs,
});

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  Papa.parse(text, { skipEmptyLines: true, step: (r) => rows.push(r.data) });
  return rows;
}

describe('rows and series for the training chart', () => {
  it('merges runs of different lengths on one epoch axis', () => {
    const rows = epochRows([run(1, [metrics(1), metrics(2), metrics(3)]), run(2, [metrics(1)])], ['trainingCost', 'testAccuracy']);
    expect(rows.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(rows[0]).toEqual({ epoch: 1, 'r1.trainingCost': 1, 'r1.testAccuracy': 0.5, 'r2.trainingCost': 1, 'r2.testAccuracy': 0.5 });
    expect(rows[2][seriesKey(2, 'trainingCost')]).toBeUndefined(); // run 2 never got there: no point, no line to 0
  });

  it('turns a non-finite value into a gap', () => {
    const rows = epochRows([run(1, [metrics(1, { trainingCost: Infinity, testCost: NaN })])], ['trainingCost', 'testCost']);
    expect(rows[0]['r1.trainingCost']).toBeNull();
    expect(rows[0]['r1.testCost']).toBeNull();
  });

  it('offers accuracy for classifiers and deviation for regression', () => {
    const cls = run(1, [metrics(1)]);
    const reg = run(2, [metrics(1, { testAccuracy: null, testDeviation: 0.1 })]);
    expect(presentMetrics([cls], ['testAccuracy', 'testDeviation'])).toEqual(['testAccuracy']);
    expect(presentMetrics([reg], ['testAccuracy', 'testDeviation'])).toEqual(['testDeviation']);
    expect(presentMetrics([cls, reg], ['testAccuracy', 'testDeviation'])).toEqual(['testAccuracy', 'testDeviation']);
  });

  it('gives each run its own colour and dashes the test cost', () => {
    const s = runSeries([run(1, []), run(5, [])], ['trainingCost', 'testCost']);
    expect(s.map((x) => x.key)).toEqual(['r1.trainingCost', 'r1.testCost', 'r5.trainingCost', 'r5.testCost']);
    expect(s[0].color).toBe(s[1].color);
    expect(s[0].color).not.toBe(s[2].color);
    expect(s.map((x) => x.dashed)).toEqual([false, true, false, true]);
    expect(s[2].name).toBe('Run 5: training cost');
    expect(runSeries([run(1, [])], ['testCost'])[0].name).toBe('test cost');
  });
});

describe('min/max decimation', () => {
  const noisy = (n: number, seed: number): Row[] => {
    const rng = new Rng(seed);
    return Array.from({ length: n }, (_, i) => ({ epoch: i + 1, a: rng.normal(), b: i % 7 === 0 ? null : rng.uniform(0, 1) }) as Row);
  };

  it('leaves short histories alone', () => {
    const rows = noisy(50, 1);
    expect(decimateRows(rows, ['a', 'b'], 100)).toEqual(rows);
  });

  it('keeps at most the budget, the ends, and every extreme of every series', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rows = noisy(10_000, seed);
      const out = decimateRows(rows, ['a', 'b'], 400);
      expect(out.length).toBeLessThanOrEqual(400);
      expect(out.length).toBeGreaterThan(200);
      expect(out[0]).toBe(rows[0]);
      expect(out.at(-1)).toBe(rows.at(-1));
      for (let i = 1; i < out.length; i++) expect(out[i].epoch).toBeGreaterThan(out[i - 1].epoch);
      for (const key of ['a', 'b']) {
        const values = rows.map((r) => r[key]).filter((v): v is number => v !== null);
        const kept = out.map((r) => r[key]).filter((v): v is number => v !== null);
        expect(Math.max(...kept)).toBe(Math.max(...values));
        expect(Math.min(...kept)).toBe(Math.min(...values));
      }
    }
  });

  it('keeps a single spike in a long flat history', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ epoch: i + 1, cost: i === 3217 ? 1e6 : 1 }) as Row);
    expect(decimateRows(rows, ['cost'], 100).some((r) => r.epoch === 3218)).toBe(true);
  });
});

describe('speed of learning', () => {
  it('one column per layer; zero and negative speeds are gaps on a log axis', () => {
    const r = run(1, [metrics(1), metrics(2, { speedOfLearning: [{ nodeId: 'hidden', speed: 0 }, { nodeId: 'out', speed: 0.2 }] })]);
    const { rows, layers } = speedRows(r);
    expect(layers).toEqual(['hidden', 'out']);
    expect(rows).toEqual([
      { epoch: 1, hidden: 0.01, out: 0.1 },
      { epoch: 2, hidden: null, out: 0.2 },
    ]);
  });

  it('decade ticks cover the values', () => {
    expect(decadeTicks([0.003, 0.2, null, 0, 45])).toEqual([1e-3, 1e-2, 1e-1, 1, 10, 100]);
    expect(decadeTicks([null, 0])).toEqual([]);
    expect(decadeTicks([1])).toEqual([1]);
  });
});

describe('metrics CSV', () => {
  it('writes one row per epoch per run that a CSV reader reads back', () => {
    const runs = [run(1, [metrics(1), metrics(2)]), run(2, [metrics(1, { testAccuracy: null, testDeviation: 0.25 })], 'eta=3, "fast"')];
    const text = metricsCsv(runs);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'run', 'dataset', 'eta', 'lambda', 'batch_size', 'optimizer', 'seed', 'epoch', 'training_cost', 'test_cost',
      'test_accuracy', 'test_deviation', 'epoch_ms', 'speed_hidden', 'speed_out',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual(['Run 1', 'MNIST digits', '0.5', '5', '10', 'sgd', '1', '2', '0.5', '1', String(1 - 1 / 3), '', '20', '0.02', '0.2']);
    expect(rows[3][0]).toBe('eta=3, "fast"');
    expect(rows[3][10]).toBe('');
    expect(rows[3][11]).toBe('0.25');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('keeps full precision and defuses formulas', () => {
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });
});
