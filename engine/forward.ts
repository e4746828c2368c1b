/**
 * Feedforward for one example: z = sum over incoming edges of W a_source + b,
 * a = f(z), block by block in topological order.
 */
import { softmaxForward } from './activations';
import type { Plan, Vec } from './compile';
import type { Workspace } from './workspace';

export function forward(plan: Plan, ws: Workspace, x: ArrayLike<number>, xOffset = 0): Vec {
  const { blocks } = plan;
  const { z, a } = ws;
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi];
    const uo = block.unitOffset;
    const n = block.size;
    if (block.kind === 'input') {
      const xo = xOffset + block.inputOffset;
      for (let j = 0; j < n; j++) {
        z[uo + j] = x[xo + j];
        a[uo + j] = x[xo + j];
      }
      continue;
    }
    forwardBlock(plan, bi, z, a);
  }
  gatherOutput(plan, ws);
  return ws.out;
}

/**
 * z and a of one neuron or layer block, from the activations already in `a`
 * of the blocks it reads. Views that recompute only what an edit changed
 * (renderer/views/sampling.ts) call it for those blocks alone.
 */
export function forwardBlock(plan: Plan, bi: number, z: Vec, a: Vec): void {
  const { params, blocks } = plan;
  const block = blocks[bi];
  const uo = block.unitOffset;
  const n = block.size;
  for (let j = 0; j < n; j++) z[uo + j] = params[block.biasOffset + j];
  for (const input of block.inputs) {
    const src = blocks[input.source];
    const so = src.unitOffset;
    const m = src.size;
    let w = input.weightOffset;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += params[w + k] * a[so + k];
      z[uo + j] += s;
      w += m;
    }
  }
  if (block.activation.blockwise) {
    softmaxForward(z, a, uo, n);
  } else {
    const f = block.activation.f;
    for (let j = 0; j < n; j++) a[uo + j] = f(z[uo + j]);
  }
}

/** Copies the output blocks' activations, in binding order, into ws.out. */
export function gatherOutput(plan: Plan, ws: Workspace): void {
  if (!plan.output) return;
  let o = 0;
  for (const bi of plan.output.blocks) {
    const b = plan.blocks[bi];
    for (let j = 0; j < b.size; j++) ws.out[o++] = ws.a[b.unitOffset + j];
  }
}

/** Convenience for callers that want a fresh array (probes, views, tests). */
export function predict(plan: Plan, ws: Workspace, x: ArrayLike<number>): number[] {
  return Array.from(forward(plan, ws, x));
}
