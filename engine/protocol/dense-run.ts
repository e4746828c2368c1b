/** A feed-forward network's run for the trainer host: the Trainer on its fastest kernel. */
import { compile } from '../compile';
import type { Dataset } from '../datasets/dataset';
import { initialise } from '../init';
import type { KernelFactory } from '../kernel';
import { Rng } from '../rng';
import { Trainer } from '../train';
import type { StartRequest } from './messages';
import { networkWithCost, type HostedRun, type RunStep } from './run';

export function createDenseRun(request: StartRequest, data: { train: Dataset; test: Dataset | null }, kernels: KernelFactory[], now: () => number): HostedRun {
  const hp = request.hyperparameters;
  const plan = compile(networkWithCost(request), hp.precision);
  if (request.initialise) initialise(plan, hp.init, new Rng(request.seed));
  const t = new Trainer(
    plan,
    data.train,
    data.test,
    {
      eta: hp.eta,
      batchSize: hp.batchSize,
      lambda: hp.lambda,
      optimizer: { name: hp.optimizer, momentum: hp.momentum },
      shuffle: hp.shuffle,
      seed: request.seed,
    },
    { kernels, now },
  );
  return {
    kernel: t.kernel.name,
    trainCount: data.train.count,
    testCount: data.test?.count ?? 0,
    get epoch() {
      return t.epoch;
    },
    get batch() {
      return t.batch;
    },
    get batchesPerEpoch() {
      return t.batchesPerEpoch;
    },
    step(): RunStep {
      // A new mini-batch size takes effect inside step() when the epoch ends: count with the one this batch used.
      const m = t.settings.batchSize;
      const at = t.batch * m;
      const result = t.step();
      return { ...result, examples: result.divergence ? 0 : Math.min(m, t.train.count - at) };
    },
    parameters() {
      t.kernel.syncToPlan();
      return Float64Array.from(t.plan.params);
    },
    updateSettings: (patch) => t.updateSettings(patch),
    dispose: () => t.kernel.dispose(),
  };
}
