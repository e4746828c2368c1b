/**
 * Backpropagation for one example, the seed's equations 2.9 on a DAG:
 *   delta^L = grad_a C (.) sigma'(z^L)
 *   delta^l = ((w^{l+1})^T delta^{l+1}) (.) sigma'(z^l), summed over every block l feeds
 *   dC/db^l_j = delta^l_j,   dC/dw^l_jk = a^{l-1}_k delta^l_j
 * Gradients are added into ws.nabla, so a mini-batch accumulates sum_x.
 * Call forward() on the same example first. Returns the example's cost.
 */
import { softmaxBackward } from './activations';
import type { Plan } from './compile';
import type { Workspace } from './workspace';

export function backward(plan: Plan, ws: Workspace, y: ArrayLike<number>, yOffset = 0): number {
  const output = plan.output;
  if (!output) throw new Error('backward needs an Output binding');
  const { params, blocks } = plan;
  const { z, a, ga, delta, out, gOut, nabla } = ws;
  const cost = output.cost;
  const c = cost.value(out, y, output.size, yOffset);

  ga.fill(0);
  const direct = output.closedForm;
  let o = 0;
  cost.gradient(out, y, gOut, output.size, yOffset);
  for (const bi of output.blocks) {
    const b = blocks[bi];
    const closed = direct[bi] === 1;
    for (let j = 0; j < b.size; j++, o++) {
      if (closed) delta[b.unitOffset + j] = out[o] - y[yOffset + o];
      else ga[b.unitOffset + j] += gOut[o];
    }
  }

  for (let bi = blocks.length - 1; bi >= 0; bi--) {
    const block = blocks[bi];
    if (block.kind === 'input') continue;
    const uo = block.unitOffset;
    const n = block.size;
    if (direct[bi] === 1) {
      // The closed form covers the cost; consumers (skip connections out of an
      // output block) still add their share through sigma'.
      if (block.consumers.length > 0) addThroughActivation(block, z, a, ga, delta, uo, n, true);
    } else {
      addThroughActivation(block, z, a, ga, delta, uo, n, false);
    }
    const bo = block.biasOffset;
    for (let j = 0; j < n; j++) nabla[bo + j] += delta[uo + j];
    for (const input of block.inputs) {
      const src = blocks[input.source];
      const so = src.unitOffset;
      const m = src.size;
      const propagate = src.kind !== 'input';
      let w = input.weightOffset;
      for (let j = 0; j < n; j++) {
        const d = delta[uo + j];
        if (d === 0) {
          w += m;
          continue;
        }
        // Two loops rather than a branch inside one: this is the hot path.
        for (let k = 0; k < m; k++) nabla[w + k] += d * a[so + k];
        if (propagate) for (let k = 0; k < m; k++) ga[so + k] += params[w + k] * d;
        w += m;
      }
    }
  }
  return c;
}

function addThroughActivation(
  block: Plan['blocks'][number],
  z: ArrayLike<number>,
  a: Plan['params'],
  ga: Plan['params'],
  delta: Plan['params'],
  uo: number,
  n: number,
  accumulate: boolean,
): void {
  if (block.activation.blockwise) {
    if (accumulate) {
      // Rare: a softmax output block that also feeds other blocks.
      const extra = new Float64Array(n);
      softmaxBackward(a.subarray(uo, uo + n), ga.subarray(uo, uo + n), extra, 0, n);
      for (let j = 0; j < n; j++) delta[uo + j] += extra[j];
    } else {
      softmaxBackward(a, ga, delta, uo, n);
    }
    return;
  }
  const df = block.activation.df;
  for (let j = 0; j < n; j++) {
    const d = ga[uo + j] * df(z[uo + j], a[uo + j]);
    delta[uo + j] = accumulate ? delta[uo + j] + d : d;
  }
}
