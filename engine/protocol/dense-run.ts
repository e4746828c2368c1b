/** A feed-forward network's run for the trainer host: the Trainer on its fastest kernel. */
import { compile } from '../compile';
import type { Dataset } from '../datasets/dataset';
import { initialise } from '../init';
import type { KernelFactory } from '../kernel';
import { Rng } from '../rng';
import { Trainer } from '../train';
import type { StartRequest } from './messages';
import { hostedRun, networkWithCost, trainingSettingsOf, type HostedRun } from './run';

export function createDenseRun(request: StartRequest, data: { train: Dataset; test: Dataset | null }, kernels: KernelFactory[], now: () => number): HostedRun {
  const hp = request.hyperparameters;
  const plan = compile(networkWithCost(request), hp.precision);
  if (request.initialise) initialise(plan, hp.init, new Rng(request.seed));
  const t = new Trainer(
    plan,
    data.train,
    data.test,
    trainingSettingsOf(request),
    { kernels, now },
  );
  return hostedRun(t, {
    kernel: t.kernel.name,
    testCount: data.test?.count ?? 0,
    metrics: (m) => m,
    parameters() {
      t.kernel.syncToPlan();
      return Float64Array.from(t.plan.params);
    },
    dispose: () => t.kernel.dispose(),
  });
}
