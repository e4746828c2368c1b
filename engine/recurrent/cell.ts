/**
 * What the sequence model needs of a recurrent layer: run it over T steps
 * from a zero state, and backpropagate through time.
 */
import type { CellKind } from './layout';

export interface RecurrentCell {
  readonly kind: CellKind;
  /** Features per step, p. */
  readonly inputSize: number;
  /** Units, d. */
  readonly hiddenSize: number;
  /**
   * Runs the layer over x_1 .. x_T (rows of p starting at x[xOffset]) from
   * h_0 = 0 (and ltm_0 = 0) and returns h_1 .. h_T as T rows of d (wm_t for
   * the LSTM). The array is the cell's own and is overwritten by the next call.
   */
  forward(params: Float64Array, x: ArrayLike<number>, xOffset: number, T: number): Float64Array;
  /**
   * Backpropagation through time after forward() on the same input: given
   * dC/dh_t from the layers above (T rows of d), adds dC/dtheta into
   * nabla[0 .. cell parameters) and, when dx is given, writes dC/dx_t into
   * its first T rows of p.
   */
  backward(params: Float64Array, x: ArrayLike<number>, xOffset: number, T: number, dh: Float64Array, nabla: Float64Array, dx: Float64Array | null): void;
}

/** Grows a buffer to at least n entries, keeping nothing (it is scratch). */
export function atLeast(buffer: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  return buffer.length >= n ? buffer : new Float64Array(Math.max(n, buffer.length * 2));
}
