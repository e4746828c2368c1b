/**
 * The benchmark's plain-JavaScript reference: network2.py's mini-batch SGD
 * for a sigmoid 784-30-10 network with the cross-entropy cost and L2, written
 * as straightforward loops over Float64Array, one example at a time. It is
 * the "plain JS" peer of the speed table, not part of the engine.
 */
import type { Dataset } from '../engine/datasets/dataset';
import { Rng } from '../engine/rng';

export class ReferenceNetwork {
  readonly w1: Float64Array;
  readonly b1: Float64Array;
  readonly w2: Float64Array;
  readonly b2: Float64Array;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly nIn: number;
  private readonly nHidden: number;
  private readonly nOut: number;
  // Per-example and per-batch scratch.
  private readonly a1: Float64Array;
  private readonly a2: Float64Array;
  private readonly d1: Float64Array;
  private readonly d2: Float64Array;
  private readonly gw1: Float64Array;
  private readonly gb1: Float64Array;
  private readonly gw2: Float64Array;
  private readonly gb2: Float64Array;

  constructor(
    private readonly train: Dataset,
    nHidden: number,
    seed: number,
  ) {
    this.nIn = train.inputSize;
    this.nHidden = nHidden;
    this.nOut = train.outputSize;
    this.x = Float64Array.from(train.x);
    this.y = Float64Array.from(train.y);
    const rng = new Rng(seed);
    const normal = (n: number, scale: number): Float64Array => Float64Array.from({ length: n }, () => scale * rng.normal());
    this.w1 = normal(nHidden * this.nIn, 1 / Math.sqrt(this.nIn));
    this.b1 = normal(nHidden, 1);
    this.w2 = normal(this.nOut * nHidden, 1 / Math.sqrt(nHidden));
    this.b2 = normal(this.nOut, 1);
    this.a1 = new Float64Array(nHidden);
    this.a2 = new Float64Array(this.nOut);
    this.d1 = new Float64Array(nHidden);
    this.d2 = new Float64Array(this.nOut);
    this.gw1 = new Float64Array(this.w1.length);
    this.gb1 = new Float64Array(nHidden);
    this.gw2 = new Float64Array(this.w2.length);
    this.gb2 = new Float64Array(this.nOut);
  }

  /** One epoch over `order` in mini-batches of m. */
  epoch(order: Uint32Array, m: number, eta: number, lambda: number): void {
    const n = this.train.count;
    for (let start = 0; start < n; start += m) this.batch(order, start, Math.min(m, n - start), eta, lambda, n);
  }

  private batch(order: Uint32Array, start: number, m: number, eta: number, lambda: number, n: number): void {
    const { nIn, nHidden, nOut, x, y, w1, b1, w2, b2, a1, a2, d1, d2, gw1, gb1, gw2, gb2 } = this;
    gw1.fill(0);
    gb1.fill(0);
    gw2.fill(0);
    gb2.fill(0);
    for (let i = start; i < start + m; i++) {
      const xo = order[i] * nIn;
      const yo = order[i] * nOut;
      for (let j = 0; j < nHidden; j++) {
        let z = b1[j];
        const wo = j * nIn;
        for (let k = 0; k < nIn; k++) z += w1[wo + k] * x[xo + k];
        a1[j] = 1 / (1 + Math.exp(-z));
      }
      for (let j = 0; j < nOut; j++) {
        let z = b2[j];
        const wo = j * nHidden;
        for (let k = 0; k < nHidden; k++) z += w2[wo + k] * a1[k];
        a2[j] = 1 / (1 + Math.exp(-z));
        d2[j] = a2[j] - y[yo + j];
      }
      for (let k = 0; k < nHidden; k++) {
        let s = 0;
        for (let j = 0; j < nOut; j++) s += w2[j * nHidden + k] * d2[j];
        d1[k] = s * a1[k] * (1 - a1[k]);
      }
      for (let j = 0; j < nOut; j++) {
        gb2[j] += d2[j];
        const wo = j * nHidden;
        for (let k = 0; k < nHidden; k++) gw2[wo + k] += d2[j] * a1[k];
      }
      for (let j = 0; j < nHidden; j++) {
        const d = d1[j];
        gb1[j] += d;
        const wo = j * nIn;
        for (let k = 0; k < nIn; k++) gw1[wo + k] += d * x[xo + k];
      }
    }
    const step = eta / m;
    const decay = 1 - (eta * lambda) / n;
    for (let i = 0; i < w1.length; i++) w1[i] = decay * w1[i] - step * gw1[i];
    for (let i = 0; i < w2.length; i++) w2[i] = decay * w2[i] - step * gw2[i];
    for (let i = 0; i < b1.length; i++) b1[i] -= step * gb1[i];
    for (let i = 0; i < b2.length; i++) b2[i] -= step * gb2[i];
  }

  /** Fraction of examples whose largest output is the labelled class. */
  accuracy(data: Dataset): number {
    const { nIn, nHidden, nOut, w1, b1, w2, b2, a1, a2 } = this;
    let correct = 0;
    for (let e = 0; e < data.count; e++) {
      const xo = e * nIn;
      for (let j = 0; j < nHidden; j++) {
        let z = b1[j];
        for (let k = 0; k < nIn; k++) z += w1[j * nIn + k] * data.x[xo + k];
        a1[j] = 1 / (1 + Math.exp(-z));
      }
      let best = 0;
      for (let j = 0; j < nOut; j++) {
        let z = b2[j];
        for (let k = 0; k < nHidden; k++) z += w2[j * nHidden + k] * a1[k];
        a2[j] = z;
        if (a2[j] > a2[best]) best = j;
      }
      if (data.labels && best === data.labels[e]) correct++;
    }
    return correct / data.count;
  }
}
