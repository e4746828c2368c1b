/**
 * The WebAssembly SIMD kernel: the BatchKernel interface over the generated
 * module (wat/kernel.ts). The training set is copied into linear memory once,
 * in the plan's precision; each mini-batch is one call that runs forward,
 * backward and the SGD update. Parameters live in wasm memory between calls
 * and reach plan.params only through syncToPlan().
 */
import type { Plan, Vec } from '../compile';
import type { Dataset } from '../datasets/dataset';
import { checkShapes } from '../js-kernel';
import { score, type BatchKernel, type Evaluation, type KernelFactory, type KernelRequest } from '../kernel';
import type { UpdateSettings } from '../optimizers';
import { ACTIVATION_CODES, COST_CODES, DESCRIPTOR, DESCRIPTOR_BASE, DESCRIPTOR_SIZE, HEADER, OUTPUT_MODES, padUnit } from './abi';
import { chainOf, type Chain } from './chain';
import { placeScratch, planLayout, type Layout } from './layout';
import { bestVariant, instantiate, MAX_PAGES, PAGE, type KernelInstance } from './runtime';

/** Examples per evaluation call, and the least scratch capacity. */
const MIN_CAPACITY = 64;

export interface WasmKernelOptions {
  /**
   * Use relaxed SIMD's fused multiply-add where the host has it (default).
   * false keeps plain SIMD, whose rounding is the same on every machine.
   */
  fma?: boolean;
}

/** Why the wasm kernel would not run this request, or null if it would. */
export function wasmDeclineReason(request: KernelRequest): string | null {
  const chain = chainOf(request.plan, request.optimizer);
  if (typeof chain === 'string') return chain;
  if (!bestVariant(request.plan.precision)) return 'this runtime has no WebAssembly SIMD';
  return null;
}

/** A factory offering the wasm kernel for the plans it supports; null sends the Trainer to the JS kernel. */
export function createWasmKernelFactory(options: WasmKernelOptions = {}): KernelFactory {
  return (request) => createWasmKernel(request, options);
}

export const wasmKernelFactory: KernelFactory = createWasmKernelFactory();

export function createWasmKernel(request: KernelRequest, options: WasmKernelOptions = {}): BatchKernel | null {
  const { plan, train } = request;
  const chain = chainOf(plan, request.optimizer);
  const variant = bestVariant(plan.precision, options.fma ?? true);
  if (typeof chain === 'string' || !variant) return null;
  checkShapes(plan, train);
  const frozenLayers = chain.sizes.slice(1).map((_, i) => layerHasFrozen(plan, i + 1));
  const layout = planLayout(plan.precision, chain.sizes, frozenLayers, train.count, MIN_CAPACITY);
  if (layout.end > MAX_PAGES * PAGE) return null;
  const wasm = instantiate(plan.precision, variant, Math.ceil(layout.end / PAGE));
  if (!wasm) return null;
  return new WasmKernel(plan, train, chain, layout, wasm, variant === 'fma' ? `wasm-simd-fma-${plan.precision}` : `wasm-simd-${plan.precision}`);
}

function layerHasFrozen(plan: Plan, l: number): boolean {
  const b = plan.blocks[l];
  const src = plan.blocks[l - 1];
  const wo = b.inputs[0].weightOffset;
  for (let i = 0; i < b.size; i++) if (plan.frozen[b.biasOffset + i]) return true;
  for (let i = 0; i < b.size * src.size; i++) if (plan.frozen[wo + i]) return true;
  return false;
}

type FloatView = Float32Array | Float64Array;

class WasmKernel implements BatchKernel {
  private wasm: KernelInstance | null;
  /** Which parameter buffer (0 or 1) holds the current parameters. */
  private cur = 0;
  private readonly out: Float64Array;
  private heap: Int32Array | null = null;
  private speed: Float64Array | null = null;

  constructor(
    private readonly plan: Plan,
    private readonly train: Dataset,
    private readonly chain: Chain,
    private readonly layout: Layout,
    wasm: KernelInstance,
    readonly name: string,
  ) {
    this.wasm = wasm;
    this.out = new Float64Array(chain.sizes[chain.sizes.length - 1]);
    this.writeHeader();
    this.writeMasks();
    this.syncFromPlan();
    copyRows(this.floats(layout.trainX, train.count * (layout.xRowBytes / layout.es)), train.x, train.count, train.inputSize, layout.xRowBytes / layout.es);
    copyRows(this.floats(layout.trainY, train.count * (layout.yRowBytes / layout.es)), train.y, train.count, train.outputSize, layout.yRowBytes / layout.es);
  }

  trainBatch(order: Uint32Array, start: number, m: number, hp: UpdateSettings): number {
    const wasm = this.live();
    if (!(Number.isInteger(m) && m >= 1 && start >= 0 && start + m <= order.length)) {
      throw new RangeError(`mini-batch [${start}, ${start + m}) is not within the ${order.length} examples of the order`);
    }
    this.ensureCapacity(m);
    const { layout } = this;
    const heap = this.words();
    const xr = layout.xRows >> 2;
    const yr = layout.yRows >> 2;
    const count = this.train.count;
    for (let i = 0; i < m; i++) {
      const e = order[start + i];
      if (!(e < count)) throw new RangeError(`training example ${e} does not exist: the training set has ${count}`);
      heap[xr + i] = layout.trainX + e * layout.xRowBytes;
      heap[yr + i] = layout.trainY + e * layout.yRowBytes;
    }
    const cost = wasm.exports.train(m, this.cur, hp.eta / m, 1 - (hp.eta * hp.lambda) / hp.n);
    if (Number.isFinite(cost)) this.cur ^= 1;
    return cost;
  }

  addSpeedOfLearning(target: Float64Array): void {
    const words = this.words();
    const L = this.layout.layers.length;
    if (this.speed?.buffer !== words.buffer) this.speed = new Float64Array(words.buffer, this.layout.speed, L);
    for (let l = 1; l <= L; l++) target[l] += this.speed[l - 1];
  }

  syncToPlan(): void {
    this.transfer((wasmView, planIndex, wasmIndex) => {
      this.plan.params[planIndex] = wasmView[wasmIndex];
    });
  }

  syncFromPlan(): void {
    this.transfer((wasmView, planIndex, wasmIndex) => {
      wasmView[wasmIndex] = this.plan.params[planIndex];
    });
  }

  evaluate(data: Dataset): Evaluation {
    const wasm = this.live();
    checkShapes(this.plan, data);
    const { layout } = this;
    const evaluation: Evaluation = { costSum: 0, correct: 0, absDeviationSum: 0, count: data.count };
    const resident = data === this.train;
    const chunk = layout.capacity;
    const k = this.out.length;
    const last = layout.layers[layout.layers.length - 1];
    const xStride = layout.xRowBytes / layout.es;
    const yStride = layout.yRowBytes / layout.es;
    for (let start = 0; start < data.count; start += chunk) {
      const n = Math.min(chunk, data.count - start);
      if (!resident) {
        copyRows(this.floats(layout.stageX, n * xStride), data.x.subarray(start * data.inputSize), n, data.inputSize, xStride);
        copyRows(this.floats(layout.stageY, n * yStride), data.y.subarray(start * data.outputSize), n, data.outputSize, yStride);
      }
      const heap = this.words();
      for (let i = 0; i < n; i++) {
        heap[(layout.xRows >> 2) + i] = resident ? layout.trainX + (start + i) * layout.xRowBytes : layout.stageX + i * layout.xRowBytes;
        heap[(layout.yRows >> 2) + i] = resident ? layout.trainY + (start + i) * layout.yRowBytes : layout.stageY + i * layout.yRowBytes;
      }
      evaluation.costSum += wasm.exports.forward(n, this.cur);
      const outputs = this.floats(last.aData, n * last.pOut);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < k; j++) this.out[j] = outputs[i * last.pOut + j];
        score(evaluation, this.out, data, start + i);
      }
    }
    return evaluation;
  }

  dispose(): void {
    this.wasm = null;
  }

  /** An Int32Array over the whole memory, remade only when the memory grows. */
  private words(): Int32Array {
    const buffer = this.live().memory.buffer;
    if (this.heap?.buffer !== buffer) this.heap = new Int32Array(buffer);
    return this.heap;
  }

  private live(): KernelInstance {
    if (!this.wasm) throw new Error(`the ${this.name} kernel was disposed`);
    return this.wasm;
  }

  private floats(byteOffset: number, length: number): FloatView {
    const buffer = this.live().memory.buffer;
    return this.plan.precision === 'float32' ? new Float32Array(buffer, byteOffset, length) : new Float64Array(buffer, byteOffset, length);
  }

  /** Visits every parameter: its index in plan.params and in the current wasm buffer. */
  private transfer(visit: (wasmView: FloatView, planIndex: number, wasmIndex: number) => void): void {
    const { layout, plan } = this;
    const view = this.floats(0, layout.scratchStart / layout.es);
    const es = layout.es;
    layout.layers.forEach((layer, i) => {
      const block = plan.blocks[i + 1];
      const b = layer.biases[this.cur] / es;
      for (let j = 0; j < layer.nOut; j++) visit(view, block.biasOffset + j, b + j);
      const w = layer.weights[this.cur] / es;
      const wo = block.inputs[0].weightOffset;
      for (let j = 0; j < layer.nOut; j++) {
        for (let c = 0; c < layer.nIn; c++) visit(view, wo + j * layer.nIn + c, w + j * layer.pIn + c);
      }
    });
  }

  private writeHeader(): void {
    const { layout, chain } = this;
    const heap = this.words();
    const L = layout.layers.length;
    heap[HEADER.layers >> 2] = L;
    heap[HEADER.cost >> 2] = COST_CODES[chain.cost];
    heap[HEADER.outputMode >> 2] = chain.closedForm ? OUTPUT_MODES.closedForm : OUTPUT_MODES.general;
    heap[HEADER.yRows >> 2] = layout.yRows;
    heap[HEADER.speed >> 2] = layout.speed;
    layout.layers.forEach((layer, i) => {
      const d = (DESCRIPTOR_BASE + i * DESCRIPTOR_SIZE) >> 2;
      const put = (name: keyof typeof DESCRIPTOR, value: number): void => {
        heap[d + (DESCRIPTOR[name] >> 2)] = value;
      };
      put('nIn', layer.nIn);
      put('pIn', layer.pIn);
      put('nOut', layer.nOut);
      put('pOut', layer.pOut);
      put('activation', ACTIVATION_CODES[chain.activations[i]]);
      put('weights0', layer.weights[0]);
      put('weights1', layer.weights[1]);
      put('biases0', layer.biases[0]);
      put('biases1', layer.biases[1]);
      put('frozenWeights', layer.frozenWeights);
      put('frozenBiases', layer.frozenBiases);
      put('inRows', i === 0 ? layout.xRows : layout.layers[i - 1].aRows);
      put('aRows', layer.aRows);
      put('gRows', layer.gRows);
      put('inGRows', i === 0 ? 0 : layout.layers[i - 1].gRows);
      put('lastMask', layer.lastMask);
      for (let e = 0; e < layout.capacity; e++) {
        heap[(layer.aRows >> 2) + e] = layer.aData + e * layer.pOut * layout.es;
        heap[(layer.gRows >> 2) + e] = layer.gData + e * layer.pOut * layout.es;
      }
    });
  }

  /** Lane masks of the padded tail of each layer, and the frozen-parameter masks. */
  private writeMasks(): void {
    const { layout, plan } = this;
    const words = layout.es / 4;
    const heap = this.words();
    const unit = padUnit(plan.precision);
    layout.layers.forEach((layer, i) => {
      const tail = layer.pOut - unit;
      for (let u = 0; u < unit; u++) {
        const real = tail + u < layer.nOut ? -1 : 0;
        for (let w = 0; w < words; w++) heap[(layer.lastMask >> 2) + u * words + w] = real;
      }
      if (!layer.frozenWeights) return;
      const block = plan.blocks[i + 1];
      const wo = block.inputs[0].weightOffset;
      for (let j = 0; j < layer.nOut; j++) {
        if (plan.frozen[block.biasOffset + j]) heap.fill(-1, (layer.frozenBiases >> 2) + j * words, (layer.frozenBiases >> 2) + (j + 1) * words);
        for (let c = 0; c < layer.nIn; c++) {
          const at = (layer.frozenWeights >> 2) + (j * layer.pIn + c) * words;
          if (plan.frozen[wo + j * layer.nIn + c]) heap.fill(-1, at, at + words);
        }
      }
    });
  }

  /** Grows the scratch region (and the memory) for mini-batches of m examples. */
  private ensureCapacity(m: number): void {
    if (m <= this.layout.capacity) return;
    const wasm = this.live();
    placeScratch(this.layout, m);
    const needed = Math.ceil(this.layout.end / PAGE) - wasm.memory.buffer.byteLength / PAGE;
    if (needed > 0) {
      try {
        wasm.memory.grow(needed);
      } catch {
        throw new Error(`not enough memory for mini-batches of ${m} examples in the ${this.name} kernel`);
      }
    }
    // The new rows overlap the old ones: padding must read as zeros again.
    new Uint8Array(wasm.memory.buffer, this.layout.scratchStart, this.layout.end - this.layout.scratchStart).fill(0);
    this.writeHeader();
  }
}

/** Copies `count` rows of `width` values into rows of `stride` (the padding stays zero). */
function copyRows(target: FloatView, src: Vec, count: number, width: number, stride: number): void {
  if (width === stride) {
    target.set(src.subarray(0, count * width));
    return;
  }
  for (let i = 0; i < count; i++) target.set(src.subarray(i * width, (i + 1) * width), i * stride);
}
