/**
 * Weight initialisation schemes. The fan-in n_in of a unit is the number of
 * source units over all its incoming edges, so skip connections count.
 */
import type { Plan } from './compile';
import type { Rng } from './rng';

export const INIT_NAMES = ['normal', 'scaledNormal', 'xavier', 'he'] as const;
export type InitName = (typeof INIT_NAMES)[number];

export const INIT_LABELS: Record<InitName, string> = {
  normal: 'N(0, 1) weights and biases (network.py)',
  scaledNormal: 'N(0, 1/sqrt(n_in)) weights, N(0, 1) biases (network2.py)',
  xavier: 'Xavier/Glorot normal, zero biases',
  he: 'He normal, zero biases',
};

/**
 * Fills every non-frozen parameter. Random numbers are drawn for frozen ones
 * too, so freezing one weight does not change every other initial weight.
 */
export function initialise(plan: Plan, scheme: InitName, rng: Rng): void {
  const { params, frozen, blocks } = plan;
  const set = (i: number, v: number): void => {
    if (frozen[i] === 0) params[i] = v;
  };
  for (const block of blocks) {
    if (block.kind === 'input') continue;
    const fanIn = block.inputs.reduce((s, input) => s + blocks[input.source].size, 0);
    // Glorot's fan-out of a weight matrix is its number of rows: this block's units.
    const fanOut = block.size;
    let weightStd: number;
    let biasStd: number;
    switch (scheme) {
      case 'normal':
        weightStd = 1;
        biasStd = 1;
        break;
      case 'scaledNormal':
        weightStd = 1 / Math.sqrt(Math.max(fanIn, 1));
        biasStd = 1;
        break;
      case 'xavier':
        weightStd = Math.sqrt(2 / Math.max(fanIn + fanOut, 1));
        biasStd = 0;
        break;
      case 'he':
        weightStd = Math.sqrt(2 / Math.max(fanIn, 1));
        biasStd = 0;
        break;
    }
    for (let j = 0; j < block.size; j++) set(block.biasOffset + j, biasStd === 0 ? 0 : biasStd * rng.normal());
    for (const input of block.inputs) {
      const count = block.size * blocks[input.source].size;
      for (let i = 0; i < count; i++) set(input.weightOffset + i, weightStd * rng.normal());
    }
  }
}

export function isInitName(name: string): name is InitName {
  return (INIT_NAMES as readonly string[]).includes(name);
}
