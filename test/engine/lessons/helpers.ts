import { compile, type Plan } from '../../../engine/compile';
import type { NetworkDocument } from '../../../engine/document';
import { forward } from '../../../engine/forward';
import { createWorkspace } from '../../../engine/workspace';

/** A function that runs the network on one input and returns a fresh output array. */
export function runner(doc: NetworkDocument): (x: number[]) => number[] {
  const plan = compile(doc);
  const ws = createWorkspace(plan);
  return (x) => Array.from(forward(plan, ws, x));
}

/** The activations of one node for an input (for nodes that feed no Output). */
export function activationsOf(plan: Plan, nodeId: string, x: ArrayLike<number>): number[] {
  const ws = createWorkspace(plan);
  forward(plan, ws, x);
  const block = plan.blocks.find((b) => b.nodeId === nodeId);
  if (!block) throw new Error(`no block "${nodeId}"`);
  return Array.from(ws.a.subarray(block.unitOffset, block.unitOffset + block.size));
}

/** Mean |network(x) - f(x)| over n evenly spaced points of [0, 1]. */
export function meanDeviation1d(doc: NetworkDocument, f: (x: number) => number, n = 1000): number {
  const run = runner(doc);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const x = (i + 0.5) / n;
    s += Math.abs(run([x])[0] - f(x));
  }
  return s / n;
}

/** Strictly decreasing. */
export function isDecreasing(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v < values[i - 1]);
}
