/**
 * A recurrent network's run for the trainer host: compileSequence, the
 * SequenceTrainer, and its metrics in the EpochMetrics shape the charts read.
 */
import type { SequenceDataset } from '../datasets/sequences';
import { InputError } from '../errors';
import { initialiseSequenceModel } from '../recurrent/model';
import { compileSequence, type SequencePlan } from '../recurrent/network';
import { SequenceTrainer, type SequenceEpochMetrics } from '../recurrent/trainer';
import { Rng } from '../rng';
import type { EpochMetrics } from '../train';
import type { StartRequest } from './messages';
import { hostedRun, networkWithCost, trainingSettingsOf, type HostedRun } from './run';

export function createSequenceRun(request: StartRequest, data: { train: SequenceDataset; test: SequenceDataset | null }, now: () => number): HostedRun {
  const hp = request.hyperparameters;
  const plan = compileSequence(networkWithCost(request));
  checkSequenceFit(plan, data.train);
  if (data.test) checkSequenceFit(plan, data.test);
  // The recurrent layer always starts as initialiseSequenceDocument draws it (Glorot W, orthogonal U); hp.init names dense schemes.
  if (request.initialise) initialiseSequenceModel(plan.model, new Rng(request.seed), { remBias: hp.remBias });
  const t = new SequenceTrainer(
    plan.model,
    data.train,
    data.test,
    { ...trainingSettingsOf(request), clipNorm: hp.clipNorm ?? null },
    { now },
  );
  return hostedRun(t, {
    // Sequences train in float64 on the JS cell whatever the precision asked for.
    kernel: `js-${plan.model.spec.cell}-float64`,
    testCount: data.test?.count ?? 0,
    metrics: (m) => epochMetrics(m, plan),
    parameters: () => Float64Array.from(plan.model.params),
    dispose: () => undefined,
  });
}

/** SequenceEpochMetrics as the charts read EpochMetrics: the speed of learning under the recurrent node's and the readout's ids. */
export function epochMetrics(m: SequenceEpochMetrics, plan: SequencePlan): EpochMetrics {
  return {
    epoch: m.epoch,
    trainingCost: m.trainingCost,
    testCost: m.testCost,
    testAccuracy: m.testAccuracy,
    testDeviation: m.testDeviation,
    elapsedMs: m.elapsedMs,
    speedOfLearning: [
      { nodeId: plan.ids.recurrent, speed: m.speedOfLearning.recurrent },
      { nodeId: plan.ids.readout, speed: m.speedOfLearning.readout },
    ],
    gradientNorm: m.gradientNorm,
    clippedBatches: m.clippedBatches,
  };
}

/**
 * Says, naming both sides, what does not fit between a recurrent network and
 * a sequence set: features per step, outputs, or where the targets are.
 */
export function checkSequenceFit(plan: SequencePlan, data: SequenceDataset): void {
  const { spec } = plan.model;
  const { ids } = plan;
  const cell = spec.cell === 'lstm' ? 'LSTM' : 'recurrent';
  if (data.inputSize !== spec.inputSize) {
    throw new InputError(`sequence dataset "${data.name}" has ${data.inputSize} feature${data.inputSize === 1 ? '' : 's'} per step, but the Input "${ids.input}" has size ${spec.inputSize}: make them the same`);
  }
  if (data.outputSize !== spec.outputSize) {
    throw new InputError(`sequence dataset "${data.name}" has targets of ${data.outputSize} value${data.outputSize === 1 ? '' : 's'}, but the readout "${ids.readout}" has ${spec.outputSize} unit${spec.outputSize === 1 ? '' : 's'}: make them the same`);
  }
  if (data.targets !== plan.outputs) {
    const node = plan.outputs === 'last' ? 'reads out at the last step only' : 'reads out at every step';
    const set = data.targets === 'last' ? 'one target per sequence, at its last step' : 'targets at every step';
    throw new InputError(`the ${cell} node "${ids.recurrent}" ${node}, but sequence dataset "${data.name}" has ${set}: set the node's outputs to "${data.targets}"`);
  }
}
