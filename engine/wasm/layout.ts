/**
 * Where everything lives in the kernel's linear memory, 16-byte aligned:
 *   header, layer descriptors, speed of learning, pad masks
 *   parameter buffers 0 and 1 (W' is written to the other one, so a diverged
 *   batch leaves the current one intact), frozen masks
 *   the training set, copied once, rows padded with zeros
 *   scratch for up to `capacity` examples: row-pointer arrays, activation and
 *   gradient rows, and staging rows for evaluating other datasets.
 * Scratch is last so that a larger mini-batch only grows the memory.
 */
import type { Precision } from '../compile';
import { DESCRIPTOR_BASE, DESCRIPTOR_SIZE, elementSize, padUnit, padded } from './abi';

export interface LayerLayout {
  nIn: number;
  pIn: number;
  nOut: number;
  pOut: number;
  weights: [number, number];
  biases: [number, number];
  frozenWeights: number;
  frozenBiases: number;
  lastMask: number;
  aRows: number;
  gRows: number;
  aData: number;
  gData: number;
}

export interface Layout {
  precision: Precision;
  es: number;
  layers: LayerLayout[];
  speed: number;
  trainX: number;
  trainY: number;
  /** Bytes per stored input (target) row. */
  xRowBytes: number;
  yRowBytes: number;
  scratchStart: number;
  capacity: number;
  xRows: number;
  yRows: number;

  stageX: number;
  stageY: number;
  end: number;
}

const align16 = (n: number): number => Math.ceil(n / 16) * 16;

export function planLayout(
  precision: Precision,
  sizes: number[],
  frozenLayers: boolean[],
  trainCount: number,
  capacity: number,
): Layout {
  const es = elementSize(precision);
  const L = sizes.length - 1;
  let at = align16(DESCRIPTOR_BASE + L * DESCRIPTOR_SIZE);
  const speed = at;
  at = align16(at + 8 * L);
  const maskBytes = (padUnit(precision) * es);
  const layers: LayerLayout[] = [];
  for (let l = 1; l <= L; l++) {
    layers.push({
      nIn: sizes[l - 1],
      pIn: padded(sizes[l - 1], precision),
      nOut: sizes[l],
      pOut: padded(sizes[l], precision),
      weights: [0, 0],
      biases: [0, 0],
      frozenWeights: 0,
      frozenBiases: 0,
      lastMask: at,
      aRows: 0,
      gRows: 0,
      aData: 0,
      gData: 0,
    });
    at += maskBytes;
  }
  for (const buffer of [0, 1] as const) {
    for (const layer of layers) {
      layer.weights[buffer] = at;
      at = align16(at + layer.nOut * layer.pIn * es);
      layer.biases[buffer] = at;
      at = align16(at + layer.pOut * es);
    }
  }
  layers.forEach((layer, i) => {
    if (!frozenLayers[i]) return;
    layer.frozenWeights = at;
    at = align16(at + layer.nOut * layer.pIn * es);
    layer.frozenBiases = at;
    at = align16(at + layer.pOut * es);
  });
  const xRowBytes = layers[0].pIn * es;
  const yRowBytes = layers[L - 1].pOut * es;
  const trainX = at;
  at = align16(at + trainCount * xRowBytes);
  const trainY = at;
  at = align16(at + trainCount * yRowBytes);
  const layout: Layout = {
    precision,
    es,
    layers,
    speed,
    trainX,
    trainY,
    xRowBytes,
    yRowBytes,
    scratchStart: at,
    capacity: 0,
    xRows: 0,
    yRows: 0,
    stageX: 0,
    stageY: 0,
    end: 0,
  };
  placeScratch(layout, capacity);
  return layout;
}

/** (Re)places the scratch region for `capacity` examples per call. */
export function placeScratch(layout: Layout, capacity: number): void {
  let at = layout.scratchStart;
  const pointers = align16(4 * capacity);
  layout.capacity = capacity;
  layout.xRows = at;
  at += pointers;
  layout.yRows = at;
  at += pointers;
  for (const layer of layout.layers) {
    layer.aRows = at;
    at += pointers;
    layer.gRows = at;
    at += pointers;
    layer.aData = at;
    at += capacity * layer.pOut * layout.es;
    layer.gData = at;
    at += capacity * layer.pOut * layout.es;
  }
  layout.stageX = at;
  at += capacity * layout.xRowBytes;
  layout.stageY = at;
  at += capacity * layout.yRowBytes;
  layout.end = at;
}
