/**
 * Which plans the wasm kernel runs: a chain Input -> Layer -> ... -> Layer ->
 * Output of dense blocks, each fed only by the block before it. Anything else
 * (skip connections, several inputs, a hidden softmax, momentum or Adam) goes
 * to the JS kernel, which runs every plan.
 */
import type { Plan } from '../compile';
import type { OptimizerSettings } from '../optimizers';
import { ACTIVATION_CODES, type KernelActivation, type KernelCost } from './abi';

export interface Chain {
  /** Units per block: sizes[0] inputs, then one entry per dense layer. */
  sizes: number[];
  /** Activation of each dense layer (index l - 1 for layer l). */
  activations: KernelActivation[];
  cost: KernelCost;
  /** delta^L = a - y (cross-entropy on sigmoid, log-likelihood on softmax). */
  closedForm: boolean;
}

/** The chain the plan is, or why the wasm kernel does not run it. */
export function chainOf(plan: Plan, optimizer: OptimizerSettings): Chain | string {
  if (optimizer.name !== 'sgd') return `the ${optimizer.name} optimizer runs in the JS kernel`;
  const { blocks, output } = plan;
  if (!output || plan.untrainableReason) return 'the plan is not trainable';
  const first = blocks[0];
  if (!first || first.kind !== 'input' || first.inputOffset !== 0 || first.size !== plan.inputSize) {
    return 'the network does not start with a single Input';
  }
  if (blocks.length < 2) return 'the network has no dense layer';
  const last = blocks.length - 1;
  const sizes = [first.size];
  const activations: KernelActivation[] = [];
  for (let i = 1; i <= last; i++) {
    const b = blocks[i];
    if (b.kind === 'input') return 'the network has more than one Input';
    if (b.inputs.length !== 1 || b.inputs[0].source !== i - 1) return `"${b.nodeId}" is not fed by exactly the block before it`;
    const name = b.activation.name;
    if (!(name in ACTIVATION_CODES)) return `"${b.nodeId}" uses ${name}`;
    if (name === 'softmax' && i !== last) return `"${b.nodeId}" is a hidden softmax layer`;
    sizes.push(b.size);
    activations.push(name as KernelActivation);
  }
  for (let i = 0; i <= last; i++) {
    const consumers = blocks[i].consumers;
    const expected = i === last ? 0 : 1;
    if (consumers.length !== expected || (expected === 1 && consumers[0] !== i + 1)) {
      return `"${blocks[i].nodeId}" feeds other blocks than the next layer`;
    }
  }
  if (output.blocks.length !== 1 || output.blocks[0] !== last) return 'the Output is not fed by the last layer alone';
  return {
    sizes,
    activations,
    cost: output.cost.name,
    closedForm: output.closedForm[last] === 1,
  };
}
