/**
 * Truth tables for networks with discrete inputs (the perceptron lessons,
 * the bitwise layer): every 0/1 combination of the inputs, or a lesson's own
 * rows, with the network's outputs, the outputs read as bits, and the
 * targets when the lesson gives them.
 */
import { compile, type Plan } from '../../engine/compile';
import type { NetworkDocument } from '../../engine/document';
import { forward } from '../../engine/forward';
import type { LessonExamples } from '../../engine/lessons/types';
import { createWorkspace } from '../../engine/workspace';

/** 2^10 = 1,024 rows is as long as a table is worth reading. */
export const MAX_TABLE_INPUTS = 10;

export interface TruthRow {
  inputs: number[];
  outputs: number[];
  /** Outputs read as bits (> 0.5). */
  bits: number[];
  targets: number[] | null;
  /** Whether every bit matches its target (null without targets). */
  correct: boolean | null;
}

export interface TruthTableData {
  inputNames: string[];
  outputNames: string[];
  rows: TruthRow[];
}

/** Why a table cannot be made for this network, or null. */
export function truthTableProblem(network: NetworkDocument, examples?: LessonExamples): string | null {
  let plan: Plan;
  try {
    plan = compile(network, 'float64');
  } catch (e) {
    return (e as Error).message;
  }
  if (!plan.output || plan.output.size === 0) return 'The network has no connected Output to read.';
  if (examples) return examples.inputs.every((r) => r.length === plan.inputSize) ? null : 'The lesson’s rows do not fit the network’s inputs.';
  if (plan.inputSize > MAX_TABLE_INPUTS) {
    return `A truth table lists every 0/1 input; with ${plan.inputSize} inputs that is too many rows (at most ${MAX_TABLE_INPUTS} inputs).`;
  }
  return null;
}

function unitNames(network: NetworkDocument, plan: Plan, blockIds: string[]): string[] {
  const names: string[] = [];
  for (const id of blockIds) {
    const node = network.nodes.find((n) => n.id === id);
    const block = plan.blocks.find((b) => b.nodeId === id);
    const size = block?.size ?? 1;
    const label = node?.label || id;
    for (let j = 0; j < size; j++) names.push(size === 1 ? label : `${label}[${j}]`);
  }
  return names;
}

export function truthTable(network: NetworkDocument, examples?: LessonExamples): TruthTableData {
  const problem = truthTableProblem(network, examples);
  if (problem) throw new Error(problem);
  const plan = compile(network, 'float64');
  const output = plan.output;
  if (!output) throw new Error('no output');
  const inputIds = network.nodes.filter((n) => n.kind === 'input').map((n) => n.id);
  const inputNames = examples?.inputNames ?? unitNames(network, plan, inputIds);
  const outputNames = examples?.outputNames ?? unitNames(network, plan, output.blocks.map((b) => plan.blocks[b].nodeId));
  const n = plan.inputSize;
  // The first input is the most significant bit, so rows count up in binary.
  const inputs = examples?.inputs ?? Array.from({ length: 2 ** n }, (_, r) => Array.from({ length: n }, (_, i) => (r >> (n - 1 - i)) & 1));
  const ws = createWorkspace(plan);
  const rows = inputs.map((x, r): TruthRow => {
    const outputs = Array.from(forward(plan, ws, x));
    const bits = outputs.map((v) => (v > 0.5 ? 1 : 0));
    const targets = examples?.targets?.[r] ?? null;
    return { inputs: [...x], outputs, bits, targets, correct: targets ? targets.every((t, j) => (t > 0.5 ? 1 : 0) === bits[j]) : null };
  });
  return { inputNames, outputNames, rows };
}
