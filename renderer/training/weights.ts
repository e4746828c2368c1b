/**
 * Weights between the trainer and the canvas. A snapshot holds the plan's
 * parameters in compile order of the network the run started from; they go
 * back into whatever document the canvas holds now, as long as its
 * computation has the same shape (nodes moved or renamed meanwhile are fine).
 */
import { compile, writeBack, type Plan } from '../../engine/compile';
import type { NetworkDocument } from '../../engine/document';
import { initialise, type InitName } from '../../engine/init';
import { initialiseSequenceModel } from '../../engine/recurrent/model';
import { compileSequence, isRecurrentNetwork, writeBackSequence, type SequencePlan } from '../../engine/recurrent/network';
import { Rng } from '../../engine/rng';

/** Which parameter sits where: blocks, their sizes and their incoming edges, in compile order. */
export function parameterLayout(plan: Plan): string {
  return plan.blocks
    .map((b) => `${b.nodeId}:${b.size}:${b.biasOffset}[${b.inputs.map((i) => `${i.edgeId}@${i.weightOffset}`).join(',')}]`)
    .join('|');
}

export function allFinite(params: ArrayLike<number>): boolean {
  for (let i = 0; i < params.length; i++) if (!Number.isFinite(params[i])) return false;
  return true;
}

/** A recurrent network's parameters: which node and edges hold them and the model's shape. */
export function sequenceLayout(plan: SequencePlan): string {
  const { ids, model } = plan;
  const { cell, inputSize, hiddenSize, outputSize } = model.spec;
  return `seq:${cell}:${inputSize}:${hiddenSize}:${outputSize}[${ids.inEdge},${ids.recurrent},${ids.readoutEdge},${ids.readout}]`;
}

/** The layout of any network the trainer can train: a dense plan's, or a recurrent one's (throws when it cannot be trained). */
export function layoutOf(network: NetworkDocument): string {
  return isRecurrentNetwork(network) ? sequenceLayout(compileSequence(network)) : parameterLayout(compile(network, 'float64'));
}

/**
 * `current` with the parameters written in, or null when they do not fit it
 * (its structure changed since the run started, or it does not compile).
 */
export function weightsIntoDocument(current: NetworkDocument, params: Float64Array, layoutOfRun?: string): NetworkDocument | null {
  if (isRecurrentNetwork(current)) return sequenceWeightsIntoDocument(current, params, layoutOfRun);
  let plan: Plan;
  try {
    plan = compile(current, 'float64');
  } catch {
    return null;
  }
  if (plan.params.length !== params.length) return null;
  if (layoutOfRun !== undefined && parameterLayout(plan) !== layoutOfRun) return null;
  plan.params.set(params);
  return writeBack(plan);
}

function sequenceWeightsIntoDocument(current: NetworkDocument, params: Float64Array, layoutOfRun?: string): NetworkDocument | null {
  let plan: SequencePlan;
  try {
    plan = compileSequence(current);
  } catch {
    return null;
  }
  if (plan.model.params.length !== params.length) return null;
  if (layoutOfRun !== undefined && sequenceLayout(plan) !== layoutOfRun) return null;
  return writeBackSequence(plan, params);
}

/** The parameters of `network` in compile order (float64). */
export function parametersOf(network: NetworkDocument): Float64Array {
  if (isRecurrentNetwork(network)) return Float64Array.from(compileSequence(network).model.params);
  return Float64Array.from(compile(network, 'float64').params);
}

/**
 * Fresh initial weights for a network, as the trainer draws them for a seed:
 * a dense network by `scheme`, a recurrent one as initialiseSequenceModel
 * does (the trainer host ignores the dense scheme there), with b_r = remBias.
 */
export function drawInitialWeights(network: NetworkDocument, scheme: InitName, seed: number, remBias?: number): Float64Array {
  if (isRecurrentNetwork(network)) {
    const { model } = compileSequence(network);
    initialiseSequenceModel(model, new Rng(seed), remBias === undefined ? {} : { remBias });
    return Float64Array.from(model.params);
  }
  const plan = compile(network, 'float64');
  initialise(plan, scheme, new Rng(seed));
  return Float64Array.from(plan.params);
}
