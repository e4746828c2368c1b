/**
 * Does a dataset fit the network? The Input nodes take an example's features
 * in document order (compile's order), the Output reads its units in edge
 * order; both sizes must match the dataset's, and the network must be
 * trainable at all. Shown before training, so a mismatch is never a surprise.
 */
import { compile, type Plan } from '../../engine/compile';
import type { NetworkDocument } from '../../engine/document';
import type { Task } from '../../engine/datasets/dataset';
import type { SequenceTargets } from '../../engine/datasets/sequences';
import { compileSequence, isRecurrentNetwork, type SequencePlan } from '../../engine/recurrent/network';

export interface DataShape {
  /** Features per example, or per step of a sequence. */
  inputSize: number;
  outputSize: number;
  task: Task;
  /** Sequence data: where its targets are (after the last step, or at every step). Absent for examples. */
  targets?: SequenceTargets;
}

export interface FeedLine {
  /** "features 1–784" */
  range: string;
  /** The Input node's label. */
  node: string;
  size: number;
}

export interface FitReport {
  ok: boolean;
  /** Which features feed which Input node. */
  feeds: FeedLine[];
  /** How many units the Output reads, and from where. */
  outputs: { size: number; from: string[] };
  /** Reasons training cannot start (sizes, an untrainable network). */
  problems: string[];
  /** Things that work but may surprise (a regression target on a softmax). */
  notes: string[];
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export function checkFit(network: NetworkDocument, data: DataShape | null): FitReport {
  if (isRecurrentNetwork(network)) return checkSequenceFit(network, data);
  let plan: Plan;
  try {
    plan = compile(network, 'float64');
  } catch (e) {
    return { ok: false, feeds: [], outputs: { size: 0, from: [] }, problems: [(e as Error).message], notes: [] };
  }
  const feeds: FeedLine[] = [];
  let at = 0;
  for (const node of network.nodes) {
    if (node.kind !== 'input') continue;
    feeds.push({ range: node.size === 1 ? `feature ${at + 1}` : `features ${at + 1}–${at + node.size}`, node: node.label || node.id, size: node.size });
    at += node.size;
  }
  const outputSize = plan.output?.size ?? 0;
  const labelOf = (id: string): string => network.nodes.find((n) => n.id === id)?.label || id;
  const outputs = { size: outputSize, from: plan.output ? plan.output.blocks.map((b) => labelOf(plan.blocks[b].nodeId)) : [] };
  const problems: string[] = [];
  const notes: string[] = [];
  if (plan.untrainableReason) problems.push(`Cannot train: ${plan.untrainableReason}.`);
  if (data?.targets) {
    problems.push('This is a sequence dataset: it trains a network with an LSTM or recurrent node. Add one, or choose examples (a function, a toy set, digits).');
  } else if (data) {
    if (data.inputSize !== plan.inputSize) {
      problems.push(`The dataset has ${plural(data.inputSize, 'input')} per example, but the network's Input nodes take ${plan.inputSize}.`);
    }
    if (data.outputSize !== outputSize) {
      problems.push(`The dataset has ${plural(data.outputSize, 'target')} per example, but the Output reads ${plural(outputSize, 'unit')}.`);
    }
    const acts = plan.output ? plan.output.blocks.map((b) => plan.blocks[b].activation.name) : [];
    if (data.task === 'regression' && acts.includes('softmax')) notes.push('A softmax output sums to 1: fine for classes, odd for a regression target.');
    if (data.task === 'classification' && outputSize > 1 && acts.some((a) => a === 'linear' || a === 'relu')) {
      notes.push('Outputs not squashed to (0, 1) can fit one-hot targets, but sigmoid or softmax suits classes better.');
    }
  }
  return { ok: problems.length === 0, feeds, outputs, problems, notes };
}

function checkSequenceFit(network: NetworkDocument, data: DataShape | null): FitReport {
  let plan: SequencePlan;
  try {
    plan = compileSequence(network);
  } catch (e) {
    return { ok: false, feeds: [], outputs: { size: 0, from: [] }, problems: [(e as Error).message], notes: [] };
  }
  const labelOf = (id: string): string => network.nodes.find((n) => n.id === id)?.label || id;
  const { inputSize, outputSize, cell } = plan.model.spec;
  const feeds: FeedLine[] = [{ range: inputSize === 1 ? 'feature 1 of each step' : `features 1–${inputSize} of each step`, node: labelOf(plan.ids.input), size: inputSize }];
  const outputs = { size: outputSize, from: [labelOf(plan.ids.readout)] };
  const problems: string[] = [];
  const notes: string[] = [];
  const layer = `“${labelOf(plan.ids.recurrent)}”`;
  if (data && !data.targets) {
    problems.push(`${layer} is a recurrent layer: it reads sequences, one step at a time. Choose a sequence dataset (noisy sine, adding, delayed recall, or a CSV of sequences).`);
  } else if (data?.targets) {
    if (data.inputSize !== inputSize) problems.push(`The sequences have ${plural(data.inputSize, 'feature')} per step, but the Input “${labelOf(plan.ids.input)}” takes ${inputSize}.`);
    if (data.outputSize !== outputSize) problems.push(`The sequences have ${plural(data.outputSize, 'target')} per step, but the readout “${labelOf(plan.ids.readout)}” has ${plural(outputSize, 'unit')}.`);
    if (data.targets !== plan.outputs) {
      problems.push(
        data.targets === 'last'
          ? `The sequences have one target, after the last step, but ${layer} answers at every step: set it to answer after the last step.`
          : `The sequences have a target at every step, but ${layer} answers only after the last step: set it to answer at every step.`,
      );
    }
    if (data.task === 'classification' && plan.model.spec.outputActivation !== 'softmax' && plan.model.spec.outputActivation !== 'sigmoid') {
      notes.push('The readout is not squashed to (0, 1): softmax suits one-hot symbols better.');
    }
  }
  if (cell === 'rnn') notes.push('A plain recurrent layer forgets over long delays: its gradient vanishes (see the Gradient vs k view).');
  return { ok: problems.length === 0, feeds, outputs, problems, notes };
}

/**
 * The network without its numbers (weights, biases, positions): two
 * documents with the same key get the same fit report, so a view need not
 * check again each time training writes new weights.
 */
export function structureKey(network: NetworkDocument): string {
  return JSON.stringify([
    network.nodes.map(({ position: _p, ...n }) => {
      const rest: Record<string, unknown> = { ...n };
      delete rest.bias;
      delete rest.biases;
      delete rest.recurrentWeights;
      return rest;
    }),
    network.edges.map(({ weights: _w, ...e }) => e),
  ]);
}
