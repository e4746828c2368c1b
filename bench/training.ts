/**
 * The speed benchmark of the issue: Fashion-MNIST, 60,000 training images,
 * 784-30-10, mini-batch 10, one core, seconds per epoch, under the book's two
 * recipes, for the WebAssembly kernel (float32, float64), the engine's JS
 * kernel and a plain Float64Array loop, in one process. `runBench` is what
 * `neuroloom bench` (npm run bench) calls.
 */
import { cpus, loadavg } from 'node:os';
import { initialiseDocument, layeredNetwork } from '../engine/build';
import { compile, type Precision } from '../engine/compile';
import type { CostName } from '../engine/costs';
import type { Dataset } from '../engine/datasets/dataset';
import type { InitName } from '../engine/init';
import type { KernelFactory } from '../engine/kernel';
import { BOOK_RECIPES, type BookRecipe } from '../engine/recipes';
import { Rng } from '../engine/rng';
import { Trainer } from '../engine/train';
import { createWasmKernelFactory } from '../engine/wasm';
import { loadFashionMnist } from './fashion-mnist';
import { ReferenceNetwork } from './reference-loop';

export interface BenchOptions {
  /** Timed epochs of the wasm kernels (median reported); default 5. */
  epochs?: number;
  /** Untimed epochs first, so V8 has tiered up; default 1. */
  warmup?: number;
  /** Timed epochs of the slow JS runs; 0 skips them; default 1. */
  jsEpochs?: number;
  /** Folder with the Fashion-MNIST .gz files. */
  dataDir?: string;
  seed?: number;
  /** Let the wasm kernel use relaxed SIMD's fused multiply-add where the host has it (default true). */
  fma?: boolean;
}

export interface Recipe {
  name: 'network2.py' | 'network.py';
  cost: CostName;
  init: InitName;
  eta: number;
  lambda: number;
}

const fromBook = ({ program, cost, hyperparameters: hp }: BookRecipe): Recipe => ({ name: program, cost, init: hp.init, eta: hp.eta, lambda: hp.lambda });

export const RECIPES: Record<Recipe['name'], Recipe> = {
  'network2.py': fromBook(BOOK_RECIPES.network2),
  'network.py': fromBook(BOOK_RECIPES.network),
};

export interface BenchRow {
  /** The kernel that ran: e.g. wasm-simd-float32, js-float64, plain-js-float64. */
  kernel: string;
  recipe: Recipe['name'];
  precision: Precision;
  /** Seconds of each timed epoch. */
  epochSeconds: number[];
  /** Median of epochSeconds. */
  secondsPerEpoch: number;
  /** secondsPerEpoch over the wasm float32 network2.py figure. */
  ratio: number;
  testAccuracy: number;
  /** Seconds to evaluate the 10,000 test images (null where not measured). */
  evaluateSeconds: number | null;
}

export interface BenchReport {
  task: string;
  data: { source: string; synthetic: boolean; train: number; test: number };
  /** loadAverage: the 1-minute load average at the end; above about 1, other processes shared the cores. */
  machine: { node: string; cpu: string; cores: number; loadAverage: number };
  rows: BenchRow[];
  /** The bar and goal for the fast kernel, in seconds per epoch. */
  bar: { seconds: number; goal: number; measured: number; met: boolean };
  /** Figures recorded in the setup notes for other frameworks on this machine kind (not measured here). */
  peers: Array<{ name: string; secondsPerEpoch: number }>;
}

export const BAR_SECONDS = 0.35;
export const GOAL_SECONDS = 0.2;
export const PEERS = [
  { name: 'PyTorch 1.13, hand-written backprop, float32', secondsPerEpoch: 0.35 },
  { name: 'PyTorch 1.13, autograd + optim.SGD, float32', secondsPerEpoch: 0.81 },
  { name: "the book's network.py (numpy, float64)", secondsPerEpoch: 3.4 },
  { name: 'TensorFlow.js, wasm backend', secondsPerEpoch: 3.6 },
  { name: 'plain JS loops over Float64Array', secondsPerEpoch: 3.7 },
];

const SIZES = [784, 30, 10];
const BATCH = 10;

export async function runBench(options: BenchOptions = {}, log: (line: string) => void = console.log): Promise<BenchReport> {
  const epochs = Math.max(1, options.epochs ?? 5);
  const warmup = Math.max(0, options.warmup ?? 1);
  const jsEpochs = Math.max(0, options.jsEpochs ?? 1);
  const seed = options.seed ?? 1;
  const loaded = loadFashionMnist(options.dataDir);
  const { train, test } = loaded;
  log(`data: ${loaded.source} (${train.count} training, ${test.count} test images)`);
  if (loaded.synthetic) log('WARNING: Fashion-MNIST was not found; timing random images of the same shape instead.');

  const rows: Omit<BenchRow, 'ratio'>[] = [];
  const add = (row: Omit<BenchRow, 'ratio'>): void => {
    rows.push(row);
    log(`  ${row.kernel} ${row.recipe}: ${row.epochSeconds.map((s) => s.toFixed(3)).join(' ')} s/epoch, test accuracy ${row.testAccuracy.toFixed(4)}`);
  };
  const wasmEpochs = { warmup, epochs };
  const wasm = createWasmKernelFactory({ fma: options.fma ?? true });
  add(trainerRow(train, test, RECIPES['network2.py'], 'float32', [wasm], wasmEpochs, seed));
  add(trainerRow(train, test, RECIPES['network.py'], 'float32', [wasm], wasmEpochs, seed));
  add(trainerRow(train, test, RECIPES['network2.py'], 'float64', [wasm], { warmup, epochs: Math.min(epochs, 3) }, seed));
  if (jsEpochs > 0) {
    add(trainerRow(train, test, RECIPES['network2.py'], 'float64', [], { warmup: 0, epochs: jsEpochs }, seed));
    add(referenceRow(train, test, jsEpochs, seed));
  }

  const base = rows[0].secondsPerEpoch;
  const report: BenchReport = {
    task: `${loaded.synthetic ? 'random stand-in for Fashion-MNIST' : 'Fashion-MNIST'}, ${train.count} examples, ${SIZES.join('-')}, mini-batch ${BATCH}, one core, seconds per epoch`,
    data: { source: loaded.source, synthetic: loaded.synthetic, train: train.count, test: test.count },
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, loadAverage: loadavg()[0] },
    rows: rows.map((r) => ({ ...r, ratio: r.secondsPerEpoch / base })),
    bar: { seconds: BAR_SECONDS, goal: GOAL_SECONDS, measured: base, met: base <= BAR_SECONDS },
    peers: PEERS,
  };
  for (const line of formatReport(report)) log(line);
  return report;
}

/** Times whole epochs through the engine's Trainer, as the app and the CLI run them. */
function trainerRow(
  train: Dataset,
  test: Dataset,
  recipe: Recipe,
  precision: Precision,
  kernels: KernelFactory[],
  runs: { warmup: number; epochs: number },
  seed: number,
): Omit<BenchRow, 'ratio'> {
  const doc = initialiseDocument(layeredNetwork(SIZES, { activation: 'sigmoid', cost: recipe.cost }), recipe.init, seed);
  const plan = compile(doc, precision);
  const trainer = new Trainer(
    plan,
    train,
    null,
    { eta: recipe.eta, batchSize: BATCH, lambda: recipe.lambda, optimizer: { name: 'sgd' }, shuffle: 'seeded', seed },
    { kernels },
  );
  if (kernels.length > 0 && !trainer.kernel.name.startsWith('wasm')) {
    throw new Error(`the wasm kernel declined the benchmark network (running ${trainer.kernel.name}): no WebAssembly SIMD here?`);
  }
  const epochSeconds: number[] = [];
  for (let e = 0; e < runs.warmup + runs.epochs; e++) {
    const start = performance.now();
    const result = trainer.runEpoch();
    const seconds = (performance.now() - start) / 1000;
    if (result.divergence) throw new Error(`${recipe.name} diverged in epoch ${e + 1}: ${result.divergence.hint}`);
    if (e >= runs.warmup) epochSeconds.push(seconds);
  }
  const start = performance.now();
  const evaluation = trainer.evaluate(test);
  const evaluateSeconds = (performance.now() - start) / 1000;
  return {
    kernel: trainer.kernel.name,
    recipe: recipe.name,
    precision,
    epochSeconds,
    secondsPerEpoch: median(epochSeconds),
    testAccuracy: evaluation.correct / evaluation.count,
    evaluateSeconds,
  };
}

function referenceRow(train: Dataset, test: Dataset, epochs: number, seed: number): Omit<BenchRow, 'ratio'> {
  const recipe = RECIPES['network2.py'];
  const net = new ReferenceNetwork(train, SIZES[1], seed);
  const rng = new Rng(seed);
  const order = new Uint32Array(train.count);
  const epochSeconds: number[] = [];
  for (let e = 0; e < epochs; e++) {
    for (let i = 0; i < order.length; i++) order[i] = i;
    rng.shuffle(order);
    const start = performance.now();
    net.epoch(order, BATCH, recipe.eta, recipe.lambda);
    epochSeconds.push((performance.now() - start) / 1000);
  }
  return {
    kernel: 'plain-js-float64',
    recipe: recipe.name,
    precision: 'float64',
    epochSeconds,
    secondsPerEpoch: median(epochSeconds),
    testAccuracy: net.accuracy(test),
    evaluateSeconds: null,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function formatReport(report: BenchReport): string[] {
  const header = ['kernel', 'recipe', 's/epoch', 'epochs', 'x wasm f32', 'test acc', 'eval 10k'];
  const body = report.rows.map((r) => [
    r.kernel,
    r.recipe,
    r.secondsPerEpoch.toFixed(3),
    String(r.epochSeconds.length),
    r.ratio.toFixed(2),
    r.testAccuracy.toFixed(4),
    r.evaluateSeconds === null ? '-' : `${r.evaluateSeconds.toFixed(3)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const { bar } = report;
  return [
    '',
    `Speed: ${report.task}`,
    `${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}${report.data.synthetic ? ', RANDOM STAND-IN DATA' : ''}`,
    ...(report.machine.loadAverage > 1.2
      ? [`Note: load average ${report.machine.loadAverage.toFixed(1)}: other processes shared the cores, so these timings are pessimistic.`]
      : []),
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `Bar: wasm float32 network2.py ${bar.measured.toFixed(3)} s/epoch against <= ${bar.seconds} s (goal ${bar.goal} s): ${bar.met ? (bar.measured <= bar.goal ? 'met, and the goal too' : 'met') : 'NOT MET'}`,
    'Peers recorded on this machine kind in the setup notes (not measured now):',
    ...report.peers.map((p) => `  ${p.secondsPerEpoch.toFixed(2).padStart(5)} s  ${p.name}`),
  ];
}
