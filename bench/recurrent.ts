/**
 * "LSTMs remember", measured (the seed's chapter 5): on delayed recall (name
 * the symbol seen k steps ago, at the end of a sequence of k + 1 random
 * symbols) the seed's LSTM cell and a plain tanh recurrent layer of the same
 * size get the same data, optimizer (Adam), clipping and epochs, over delays k
 * and 3 seeds. It prints the test accuracy per seed, the median, the largest k
 * each layer does at >= 95% (median), and ||dC/dx_1||, the gradient that
 * reaches the first input, against k at the initial weights.
 *
 * Run with `npx neuroloom bench --recurrent` (or `npx tsx bench/recurrent.ts`)
 * [--ks 10,20,30] [--seeds 1,2,3] [--epochs 30] [--hidden 16] [--rem-bias 3]
 * [--train 2000] [--patience 2] [--json].
 */
import { pathToFileURL } from 'node:url';
import type { CellKind } from '../engine/recurrent/layout';
import { createSequenceModel, initialiseSequenceModel } from '../engine/recurrent/model';
import { delayedRecallRun, type RecallRunResult } from '../engine/recurrent/recall';
import { gradientAtFirstStep, type GradientAtFirstStep } from '../engine/recurrent/vanishing';
import { Rng } from '../engine/rng';

export interface RecurrentBenchOptions {
  ks: number[];
  seeds: number[];
  epochs: number;
  hiddenSize: number;
  symbols: number;
  trainCount: number;
  testCount: number;
  /** The LSTM's initial b_r. */
  remBias: number;
  /** A cell stops climbing k after this many delays in a row whose median is below 95%. */
  patience: number;
  /** Delays for the gradient measurement. */
  gradientKs: number[];
}

export const DEFAULT_RECURRENT_BENCH: RecurrentBenchOptions = {
  ks: [5, 10, 20, 30, 40, 50, 60, 80, 100],
  seeds: [1, 2, 3],
  epochs: 30,
  hiddenSize: 16,
  symbols: 8,
  trainCount: 2000,
  testCount: 500,
  remBias: 3,
  patience: 2,
  gradientKs: [1, 2, 5, 10, 20, 40, 80, 160],
};

/** Accuracy at or above this (median of the seeds) counts as done. */
export const PASS_ACCURACY = 0.95;
/** A median accuracy below this counts as a clear failure (chance is 1/8 with 8 symbols). */
export const FAIL_ACCURACY = 0.5;

export interface DelayRow {
  k: number;
  runs: RecallRunResult[];
  median: number;
}

export interface RecurrentBenchReport {
  options: RecurrentBenchOptions;
  rows: Record<CellKind, DelayRow[]>;
  /** Largest k whose median accuracy is >= 95%, or 0. */
  largestK: Record<CellKind, number>;
  /** Delays where the LSTM's median is >= 95% and the plain layer's below 50%. */
  lstmOnly: number[];
  gradient: { label: string; points: GradientAtFirstStep[] }[];
  seconds: number;
}

export const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function runRecurrentBench(options: RecurrentBenchOptions, log: (line: string) => void): RecurrentBenchReport {
  const started = Date.now();
  const { ks, seeds, epochs, hiddenSize, symbols, trainCount, testCount, remBias } = options;
  log(`Delayed recall, ${symbols} symbols (chance ${(1 / symbols).toFixed(3)}), d = ${hiddenSize} units, ${trainCount} training and ${testCount} test sequences,`);
  log(`Adam eta 0.01, mini-batch 32, gradient clipped to norm 1, at most ${epochs} epochs (stopping early at 99%), LSTM b_r = ${remBias} at start.`);
  const rows: Record<CellKind, DelayRow[]> = { lstm: [], rnn: [] };
  for (const cell of ['lstm', 'rnn'] as const) {
    let misses = 0;
    for (const k of ks) {
      if (misses >= options.patience) {
        log(`  ${cell} k = ${k}: not run (the ${options.patience} delays before it failed)`);
        continue;
      }
      const runs = seeds.map((seed) => delayedRecallRun({ cell, delay: k, seed, hiddenSize, symbols, trainCount, testCount, epochs, remBias, stopAt: 0.99 }));
      const row = { k, runs, median: median(runs.map((r) => r.accuracy)) };
      rows[cell].push(row);
      misses = row.median >= PASS_ACCURACY ? 0 : misses + 1;
      const detail = runs.map((r) => `${r.accuracy.toFixed(3)} (${r.epochs} ep, ${(r.elapsedMs / 1000).toFixed(1)} s${r.diverged ? ', diverged' : ''})`).join(', ');
      log(`  ${cell} k = ${k}: median ${row.median.toFixed(3)}  [${detail}]`);
    }
  }
  const largest = (cell: CellKind): number => Math.max(0, ...rows[cell].filter((r) => r.median >= PASS_ACCURACY).map((r) => r.k));
  const rnnAt = (k: number): number => {
    const row = rows.rnn.find((r) => r.k === k);
    if (row) return row.median;
    // Not run because the plain layer had already failed at two smaller delays.
    return rows.rnn.length > 0 && k > rows.rnn[rows.rnn.length - 1].k ? 0 : 1;
  };
  const lstmOnly = rows.lstm.filter((r) => r.median >= PASS_ACCURACY && rnnAt(r.k) < FAIL_ACCURACY).map((r) => r.k);

  const gradient: RecurrentBenchReport['gradient'] = [];
  const measure = (label: string, cell: CellKind, bias: number): void => {
    const model = createSequenceModel({ cell, inputSize: symbols, hiddenSize, outputSize: symbols, outputActivation: 'softmax', cost: 'logLikelihood' });
    initialiseSequenceModel(model, new Rng(seeds[0]), { remBias: bias });
    gradient.push({ label, points: gradientAtFirstStep(model, options.gradientKs, { samples: 32, seed: 1 }) });
  };
  measure('plain tanh layer', 'rnn', 0);
  measure(`LSTM, b_r = ${remBias}`, 'lstm', remBias);
  if (remBias !== 1) measure('LSTM, b_r = 1', 'lstm', 1);
  return { options, rows, largestK: { lstm: largest('lstm'), rnn: largest('rnn') }, lstmOnly, gradient, seconds: (Date.now() - started) / 1000 };
}

export function formatRecurrentReport(report: RecurrentBenchReport): string[] {
  const lines: string[] = [];
  const ks = [...new Set([...report.rows.lstm, ...report.rows.rnn].map((r) => r.k))].sort((a, b) => a - b);
  const cellText = (cell: CellKind, k: number): string => {
    const row = report.rows[cell].find((r) => r.k === k);
    return row ? `${row.median.toFixed(3)} [${row.runs.map((r) => r.accuracy.toFixed(2)).join(' ')}]` : 'not run';
  };
  lines.push('', 'Delayed recall: test accuracy, median [per seed]', `${'k'.padStart(5)}  ${'LSTM'.padEnd(28)}plain tanh layer`);
  for (const k of ks) lines.push(`${String(k).padStart(5)}  ${cellText('lstm', k).padEnd(28)}${cellText('rnn', k)}`);
  lines.push('', `Largest k at >= ${PASS_ACCURACY * 100}% (median of ${report.options.seeds.length} seeds): LSTM ${report.largestK.lstm}, plain layer ${report.largestK.rnn}`);
  lines.push(
    report.lstmOnly.length > 0
      ? `LSTM >= 95% where the plain layer is below ${FAIL_ACCURACY * 100}%: k = ${report.lstmOnly.join(', ')}: PASS`
      : `No delay where the LSTM reaches 95% and the plain layer stays below ${FAIL_ACCURACY * 100}%: FAIL`,
  );
  lines.push('', '||dC/dx_1|| at the initial weights, mean over 32 sequences', `${'k'.padStart(5)}  ${report.gradient.map((g) => g.label.padEnd(20)).join('')}`);
  report.options.gradientKs.forEach((k, i) => {
    lines.push(`${String(k).padStart(5)}  ${report.gradient.map((g) => g.points[i].norm.toExponential(2).padEnd(20)).join('')}`);
  });
  lines.push('', `Total time ${report.seconds.toFixed(0)} s`);
  return lines;
}

export const RECURRENT_BENCH_FLAGS = '--ks 5,10,20 --seeds 1,2,3 --epochs N --hidden D --rem-bias B --train N --patience N --json';

/** The bench's flags over its defaults; throws an Error naming the flag at fault. */
export function parseRecurrentBenchArgs(argv: string[]): { options: RecurrentBenchOptions; json: boolean } {
  const options = { ...DEFAULT_RECURRENT_BENCH };
  let json = false;
  const list = (v: string | undefined, flag: string): number[] => {
    const out = (v ?? '').split(',').map(Number);
    if (out.length === 0 || out.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${flag} takes whole numbers >= 1 separated by commas, got "${v ?? ''}"`);
    return out;
  };
  const whole = (v: string | undefined, flag: string, min = 1): number => {
    const n = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isInteger(n) || n < min) throw new Error(`${flag} takes a whole number >= ${min}, got "${v ?? ''}"`);
    return n;
  };
  const one = (v: string | undefined, flag: string): number => {
    const n = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isFinite(n)) throw new Error(`${flag} takes a number, got "${v ?? ''}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--ks': options.ks = list(value, flag); i++; break;
      case '--seeds': options.seeds = list(value, flag); i++; break;
      case '--epochs': options.epochs = whole(value, flag); i++; break;
      case '--hidden': options.hiddenSize = whole(value, flag); i++; break;
      case '--rem-bias': options.remBias = one(value, flag); i++; break;
      case '--train': options.trainCount = whole(value, flag); i++; break;
      case '--patience': options.patience = whole(value, flag); i++; break;
      case '--json': json = true; break;
      default: throw new Error(`unknown option "${flag}" (options: ${RECURRENT_BENCH_FLAGS})`);
    }
  }
  return { options, json };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { options, json } = parseRecurrentBenchArgs(process.argv.slice(2));
    const report = runRecurrentBench(options, (line) => console.error(line));
    if (json) console.log(JSON.stringify(report, null, 2));
    else for (const line of formatRecurrentReport(report)) console.log(line);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
