/** Seeded networks and datasets for the wasm kernel tests, and the JS kernel to compare with. */
import type { ActivationName } from '../../../engine/activations';
import { initialiseDocument, layeredNetwork } from '../../../engine/build';
import { compile, type Plan, type Precision } from '../../../engine/compile';
import type { CostName } from '../../../engine/costs';
import type { Dataset, Task } from '../../../engine/datasets/dataset';
import { createJsKernel } from '../../../engine/js-kernel';
import type { BatchKernel } from '../../../engine/kernel';
import type { UpdateSettings } from '../../../engine/optimizers';
import { Rng } from '../../../engine/rng';
import { bestVariant } from '../../../engine/wasm/runtime';
import { createWasmKernel } from '../../../engine/wasm/wasm-kernel';

export interface NetSpec {
  sizes: number[];
  activation: ActivationName;
  outputActivation: ActivationName;
  cost: CostName;
}

export function randomDataset(seed: number, inputSize: number, outputSize: number, count: number, task: Task = 'classification'): Dataset {
  const rng = new Rng(seed);
  const x = new Float32Array(count * inputSize);
  for (let i = 0; i < x.length; i++) x[i] = Math.fround(rng.float());
  const y = new Float32Array(count * outputSize);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    if (task === 'classification' && outputSize > 1) {
      labels[i] = rng.int(outputSize);
      y[i * outputSize + labels[i]] = 1;
    } else {
      for (let j = 0; j < outputSize; j++) y[i * outputSize + j] = Math.fround(task === 'classification' ? rng.int(2) : rng.float());
      labels[i] = y[i * outputSize] > 0.5 ? 1 : 0;
    }
  }
  return { name: `random-${seed}`, task, inputSize, outputSize, count, x, y, labels: task === 'classification' ? labels : undefined };
}

export function planFor(spec: NetSpec, precision: Precision, seed: number): Plan {
  const doc = initialiseDocument(
    layeredNetwork(spec.sizes, { activation: spec.activation, outputActivation: spec.outputActivation, cost: spec.cost }),
    'scaledNormal',
    seed,
  );
  return compile(doc, precision);
}

/**
 * The kernel builds this host runs: always plain SIMD; the fused multiply-add
 * build too where relaxed SIMD is on (Node 22+, or Node 20 with
 * NODE_OPTIONS=--experimental-wasm-relaxed-simd).
 */
export const VARIANTS = [false, ...(bestVariant('float32') === 'fma' ? [true] : [])];

export function wasmKernel(plan: Plan, train: Dataset, fma = false): BatchKernel {
  const kernel = createWasmKernel({ plan, train, optimizer: { name: 'sgd' } }, { fma });
  if (!kernel) throw new Error('the wasm kernel declined a plan it should run');
  return kernel;
}

export function jsKernel(plan: Plan, train: Dataset): BatchKernel {
  return createJsKernel({ plan, train, optimizer: { name: 'sgd' } });
}

/** A shuffled order of the examples, the same for the same seed. */
export function shuffledOrder(count: number, seed: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return new Rng(seed).shuffle(order);
}

export interface RunResult {
  costs: number[];
  speed: Float64Array;
}

/** Runs `batches` mini-batches of size m through a kernel, walking the order cyclically. */
export function runBatches(kernel: BatchKernel, order: Uint32Array, m: number, batches: number, hp: UpdateSettings, blocks: number): RunResult {
  const costs: number[] = [];
  const speed = new Float64Array(blocks);
  let start = 0;
  for (let b = 0; b < batches; b++) {
    if (start + m > order.length) start = 0;
    costs.push(kernel.trainBatch(order, start, m, hp));
    kernel.addSpeedOfLearning(speed);
    start += m;
  }
  kernel.syncToPlan();
  return { costs, speed };
}

/** max |a - b| / max(1, |b|) */
export function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i]));
    if (Number.isNaN(d)) return NaN;
    if (d > worst) worst = d;
  }
  return worst;
}
