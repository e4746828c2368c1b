/**
 * The seed's vanishing gradient (section 5.1), measured on a recurrent layer:
 * on delayed-recall sequences of length k + 1, whose one target at the last
 * step is the first symbol, how large is dC/dx_1, the gradient that reaches
 * the one input the network must remember? For the plain layer it is a
 * product of k factors diag(1 - h_t^2) U^T and shrinks geometrically in k;
 * the LSTM's long-term memory carries it through the factors rem_t instead.
 */
import { delayedRecall } from '../datasets/sequences';
import { InputError } from '../errors';
import { Rng } from '../rng';
import type { SequenceModel } from './model';
import { SequenceRunner } from './runner';

export interface GradientAtFirstStep {
  k: number;
  /** Mean over the sampled sequences of ||dC/dx_1||. */
  norm: number;
  /** Mean over the sampled sequences of ln ||dC/dx_1||, for a log-scale plot that a few large samples do not dominate. */
  meanLog: number;
}

export interface GradientAtFirstStepOptions {
  /** Sequences sampled per k (default 32). */
  samples?: number;
  /** Seed of the sampled sequences (default 1); the same for every k and every model. */
  seed?: number;
}

/**
 * ||dC/dx_1|| against the delay k for a model whose inputs and outputs are
 * one-hot symbols (inputSize = outputSize = number of symbols). A pure
 * function of the model's parameters and the options: the model is not changed.
 */
export function gradientAtFirstStep(model: SequenceModel, ks: readonly number[], options: GradientAtFirstStepOptions = {}): GradientAtFirstStep[] {
  const { inputSize: p, outputSize: o, outputActivation } = model.spec;
  if (p !== o || p < 2 || outputActivation !== 'softmax') {
    throw new InputError(`the gradient-at-first-step measure needs one-hot symbols in and softmax out (inputSize = outputSize >= 2), got ${p} in, ${o} ${outputActivation} out`);
  }
  const samples = options.samples ?? 32;
  if (!(Number.isInteger(samples) && samples >= 1 && samples <= 100_000)) throw new InputError(`samples must be a whole number from 1 to 100000, got ${samples}`);
  const runner = new SequenceRunner(model);
  return ks.map((k) => {
    const data = delayedRecall({ count: samples, delay: k, symbols: p }, new Rng(options.seed ?? 1));
    const dx = new Float64Array((k + 1) * p);
    let norm = 0;
    let meanLog = 0;
    for (let i = 0; i < samples; i++) {
      runner.run(data, i, null, dx);
      let sq = 0;
      for (let j = 0; j < p; j++) sq += dx[j] * dx[j];
      const n = Math.sqrt(sq);
      norm += n;
      // A gradient that underflowed to 0 is plotted at the smallest double, not at -Infinity.
      meanLog += Math.log(Math.max(n, Number.MIN_VALUE));
    }
    return { k, norm: norm / samples, meanLog: meanLog / samples };
  });
}
