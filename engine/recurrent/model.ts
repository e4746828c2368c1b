/**
 * A sequence model's state: its spec and its flat parameters, plus the masks
 * engine/optimizers.ts takes (which entries are weights for L2, which are frozen).
 */
import type { Rng } from '../rng';
import { checkSpec, parameterBlocks, parameterCount, type ParameterBlock, type SequenceModelSpec } from './layout';

export interface SequenceModel {
  readonly spec: SequenceModelSpec;
  readonly params: Float64Array;
  readonly isWeight: Uint8Array;
  /** Nothing is frozen yet; the optimizers need the mask. */
  readonly frozen: Uint8Array;
  readonly blocks: readonly ParameterBlock[];
}

/** A model with every parameter 0; see initialiseSequenceModel. */
export function createSequenceModel(spec: SequenceModelSpec): SequenceModel {
  checkSpec(spec);
  const n = parameterCount(spec);
  const blocks = parameterBlocks(spec);
  const isWeight = new Uint8Array(n);
  for (const b of blocks) if (b.isWeight) isWeight.fill(1, b.offset, b.offset + b.rows * b.cols);
  return { spec: { ...spec }, params: new Float64Array(n), isWeight, frozen: new Uint8Array(n), blocks };
}

export function cloneSequenceModel(model: SequenceModel): SequenceModel {
  return { ...model, params: model.params.slice() };
}

/** The named block ('W_r', 'b_y', ...) as a view into the parameters. */
export function parameterView(model: SequenceModel, name: string): Float64Array {
  const b = model.blocks.find((x) => x.name === name);
  if (!b) throw new Error(`the ${model.spec.cell} model has no parameter block "${name}" (it has ${model.blocks.map((x) => x.name).join(', ')})`);
  return model.params.subarray(b.offset, b.offset + b.rows * b.cols);
}

export const SEQUENCE_INIT_NAMES = ['orthogonal', 'scaledNormal'] as const;
export type SequenceInitName = (typeof SEQUENCE_INIT_NAMES)[number];

export interface SequenceInitOptions {
  /**
   * 'orthogonal' (default): Keras's defaults for both layers. 'scaledNormal':
   * network2.py's N(0, 1/sqrt(n_in)) for every weight matrix (n_in = p + d for
   * the recurrent layer, whose units see x_t and h_{t-1}), as engine/init.ts
   * draws it for dense layers.
   */
  scheme?: SequenceInitName;
  /**
   * Initial b_r, the bias of the rem gate. 1 (the default, Keras's
   * unit_forget_bias after Jozefowicz et al. 2015) starts rem_t near
   * sigma(1) = 0.73, so the long-term memory is mostly kept before any
   * training; 0 starts it at one half.
   */
  remBias?: number;
}

/**
 * By default Keras's defaults for both layers, so the comparison is between the cells
 * and not between their initialisations: W (and W_y) Glorot uniform on
 * +-sqrt(6 / (fan_in + fan_out)), U a random orthogonal matrix (its products
 * neither shrink nor grow a vector, the best start a plain recurrent layer can
 * have), biases 0 except b_r.
 */
export function initialiseSequenceModel(model: SequenceModel, rng: Rng, options: SequenceInitOptions = {}): void {
  const remBias = options.remBias ?? 1;
  const scheme = options.scheme ?? 'orthogonal';
  if (!Number.isFinite(remBias)) throw new Error(`the rem gate's initial bias must be finite, got ${remBias}`);
  const { params } = model;
  for (const b of model.blocks) {
    const view = params.subarray(b.offset, b.offset + b.rows * b.cols);
    if (!b.isWeight) view.fill(b.name === 'b_r' ? remBias : 0);
    else if (scheme === 'scaledNormal') {
      const fanIn = b.name === 'W_y' ? b.cols : model.spec.inputSize + model.spec.hiddenSize;
      for (let i = 0; i < view.length; i++) view[i] = rng.normal() / Math.sqrt(fanIn);
    } else if (b.name.startsWith('U')) orthogonal(view, b.rows, rng);
    else {
      const limit = Math.sqrt(6 / (b.rows + b.cols));
      for (let i = 0; i < view.length; i++) view[i] = rng.uniform(-limit, limit);
    }
  }
}

/** Rows of a Gaussian n x n matrix made orthonormal by modified Gram-Schmidt. */
function orthogonal(m: Float64Array, n: number, rng: Rng): void {
  for (let i = 0; i < n; i++) {
    for (;;) {
      for (let j = 0; j < n; j++) m[i * n + j] = rng.normal();
      for (let k = 0; k < i; k++) {
        let dot = 0;
        for (let j = 0; j < n; j++) dot += m[i * n + j] * m[k * n + j];
        for (let j = 0; j < n; j++) m[i * n + j] -= dot * m[k * n + j];
      }
      let norm = 0;
      for (let j = 0; j < n; j++) norm += m[i * n + j] * m[i * n + j];
      norm = Math.sqrt(norm);
      // A draw almost inside the span of the earlier rows is redrawn (probability ~0).
      if (norm > 1e-6) {
        for (let j = 0; j < n; j++) m[i * n + j] /= norm;
        break;
      }
    }
  }
}
