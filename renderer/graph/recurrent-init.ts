/**
 * Fresh parameters of a recurrent node, drawn as initialiseSequenceModel
 * draws them (engine/recurrent/model.ts). The cell's blocks come first in the
 * model's layout, so a model of the node's cell, input size p and size d
 * gives the very numbers initialiseSequenceDocument gives the complete
 * network for the same seed, whatever its readout. A node that has no Input
 * yet is drawn with p = 1.
 */
import type { CellKind } from '../../engine/recurrent/layout';
import { createSequenceModel, initialiseSequenceModel, parameterView, type SequenceInitOptions } from '../../engine/recurrent/model';
import { Rng } from '../../engine/rng';
import { gatesOf } from './recurrent-gates';

export interface CellParameters {
  /** G*d rows of p: [W_r; W_s; W_f; W_l] (or W). */
  W: number[][];
  /** G*d rows of d. */
  U: number[][];
  /** G*d. */
  b: number[];
}

/** A cell's parameters drawn by initialiseSequenceModel's scheme with this seed. */
export function drawCellParameters(cell: CellKind, p: number, d: number, seed: number, options: SequenceInitOptions = {}): CellParameters {
  const model = createSequenceModel({ cell, inputSize: p, hiddenSize: d, outputSize: 2, outputActivation: 'softmax', cost: 'logLikelihood' });
  initialiseSequenceModel(model, new Rng(seed), options);
  const rows = (name: string, cols: number): number[][] => {
    const v = parameterView(model, name);
    return Array.from({ length: v.length / cols }, (_, i) => Array.from(v.subarray(i * cols, (i + 1) * cols)));
  };
  const suffixes = gatesOf(cell).map((g) => (g.suffix ? `_${g.suffix}` : ''));
  return {
    W: suffixes.flatMap((s) => rows(`W${s}`, p)),
    U: suffixes.flatMap((s) => rows(`U${s}`, d)),
    b: suffixes.flatMap((s) => Array.from(parameterView(model, `b${s}`))),
  };
}

/** A 32-bit seed from a string (FNV-1a), so a new node's draw depends on its id only. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** U and b for a node just placed on the canvas: drawn with a seed made from its id (W comes with the edge from its Input). */
export function initialRecurrentParameters(id: string, cell: CellKind, d: number): { recurrentWeights: number[][]; biases: number[] } {
  const { U, b } = drawCellParameters(cell, 1, d, seedOf(id));
  return { recurrentWeights: U, biases: b };
}

