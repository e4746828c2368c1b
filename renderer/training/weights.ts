/**
 * Weights between the trainer and the canvas. A snapshot holds the plan's
 * parameters in compile order of the network the run started from; they go
 * back into whatever document the canvas holds now, as long as its
 * computation has the same shape (nodes moved or renamed meanwhile are fine).
 */
import { compile, writeBack, type Plan } from '../../engine/compile';
import type { NetworkDocument } from '../../engine/document';
import { initialise, type InitName } from '../../engine/init';
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

/**
 * `current` with the parameters written in, or null when they do not fit it
 * (its structure changed since the run started, or it does not compile).
 */
export function weightsIntoDocument(current: NetworkDocument, params: Float64Array, layoutOfRun?: string): NetworkDocument | null {
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

/** The parameters of `network` in compile order (float64). */
export function parametersOf(network: NetworkDocument): Float64Array {
  return Float64Array.from(compile(network, 'float64').params);
}

/** Fresh initial weights for a network, as the trainer draws them for a seed. */
export function drawInitialWeights(network: NetworkDocument, scheme: InitName, seed: number): Float64Array {
  const plan = compile(network, 'float64');
  initialise(plan, scheme, new Rng(seed));
  return Float64Array.from(plan.params);
}
