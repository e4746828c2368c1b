/**
 * The plain recurrent layer the LSTM is compared with:
 *   h_t = tanh(W x_t + U h_{t-1} + b),  h_0 = 0.
 * Backward through time multiplies the gradient at every step by
 * diag(1 - h_t^2) U^T: the seed's product of weights (section 5.1), now of
 * one matrix again and again, which shrinks or grows geometrically with the
 * distance in steps.
 */
import { atLeast, type RecurrentCell } from './cell';

export class RnnCell implements RecurrentCell {
  readonly kind = 'rnn' as const;
  private h = new Float64Array(0);
  private readonly dz: Float64Array;
  private readonly dhNext: Float64Array;

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
  ) {
    this.dz = new Float64Array(hiddenSize);
    this.dhNext = new Float64Array(hiddenSize);
  }

  forward(params: Float64Array, x: ArrayLike<number>, xOffset: number, T: number): Float64Array {
    const p = this.inputSize;
    const d = this.hiddenSize;
    const uAt = d * p;
    const bAt = d * p + d * d;
    this.h = atLeast(this.h, T * d);
    const h = this.h;
    for (let t = 0; t < T; t++) {
      const xt = xOffset + t * p;
      const prev = (t - 1) * d;
      for (let i = 0; i < d; i++) {
        let z = params[bAt + i];
        const w = i * p;
        for (let j = 0; j < p; j++) {
          const xj = x[xt + j];
          if (xj !== 0) z += params[w + j] * xj;
        }
        if (t > 0) {
          const u = uAt + i * d;
          for (let j = 0; j < d; j++) z += params[u + j] * h[prev + j];
        }
        h[t * d + i] = Math.tanh(z);
      }
    }
    return h;
  }

  backward(params: Float64Array, x: ArrayLike<number>, xOffset: number, T: number, dh: Float64Array, nabla: Float64Array, dx: Float64Array | null): void {
    const p = this.inputSize;
    const d = this.hiddenSize;
    const uAt = d * p;
    const bAt = d * p + d * d;
    const { h, dz, dhNext } = this;
    dhNext.fill(0);
    for (let t = T - 1; t >= 0; t--) {
      const row = t * d;
      for (let i = 0; i < d; i++) {
        const a = h[row + i];
        dz[i] = (dh[row + i] + dhNext[i]) * (1 - a * a);
      }
      const xt = xOffset + t * p;
      const prev = (t - 1) * d;
      if (dx) dx.fill(0, t * p, (t + 1) * p);
      dhNext.fill(0);
      for (let i = 0; i < d; i++) {
        const dzi = dz[i];
        if (dzi === 0) continue;
        nabla[bAt + i] += dzi;
        const w = i * p;
        for (let j = 0; j < p; j++) {
          nabla[w + j] += dzi * x[xt + j];
          if (dx) dx[t * p + j] += params[w + j] * dzi;
        }
        if (t > 0) {
          const u = uAt + i * d;
          for (let j = 0; j < d; j++) {
            nabla[u + j] += dzi * h[prev + j];
            dhNext[j] += params[u + j] * dzi;
          }
        }
      }
    }
  }
}
