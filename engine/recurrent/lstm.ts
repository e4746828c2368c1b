/**
 * The seed's LSTM cell (chapter 5, figure 5.2), in its names:
 *   rem_t   = sigma(W_r x_t + U_r wm_{t-1} + b_r)
 *   save_t  = sigma(W_s x_t + U_s wm_{t-1} + b_s)
 *   focus_t = sigma(W_f x_t + U_f wm_{t-1} + b_f)
 *   ltm'_t  = tanh(W_l x_t + U_l wm_{t-1} + b_l)
 *   ltm_t   = rem_t . ltm_{t-1} + save_t . ltm'_t
 *   wm_t    = focus_t . tanh(ltm_t)
 * with ltm_0 = wm_0 = 0. Backward is backpropagation through time; the
 * gradient reaches ltm_{t-1} from ltm_t through the factor rem_t alone, with
 * no weight matrix and no squashing slope in between: that is why the long-term
 * memory can carry a gradient across many steps when rem stays near 1.
 */
import { sigmoid } from '../activations';
import { atLeast, type RecurrentCell } from './cell';

/** Every per-step value of the last forward pass, T rows of d each. */
export interface LstmStates {
  rem: Float64Array;
  save: Float64Array;
  focus: Float64Array;
  /** ltm'_t, the candidate. */
  candidate: Float64Array;
  ltm: Float64Array;
  /** tanh(ltm_t), kept for the backward pass. */
  tanhLtm: Float64Array;
  wm: Float64Array;
}

export class LstmCell implements RecurrentCell {
  readonly kind = 'lstm' as const;
  private readonly gate: number;
  private states: LstmStates;
  private dz: Float64Array;
  private dwmNext: Float64Array;
  private dltmNext: Float64Array;
  private dltmCarry: Float64Array;

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
  ) {
    const d = hiddenSize;
    this.gate = d * inputSize + d * d + d;
    this.states = allocate(0);
    this.dz = new Float64Array(4 * d);
    this.dwmNext = new Float64Array(d);
    this.dltmNext = new Float64Array(d);
    this.dltmCarry = new Float64Array(d);
  }

  /** The values of the last forward pass (the gate view reads them). */
  get lastStates(): LstmStates {
    return this.states;
  }

  forward(params: Float64Array, x: ArrayLike<number>, xOffset: number, T: number): Float64Array {
    const p = this.inputSize;
    const d = this.hiddenSize;
    const G = this.gate;
    const uAt = d * p;
    const bAt = d * p + d * d;
    if (this.states.wm.length < T * d) this.states = allocate(T * d);
    const { rem, save, focus, candidate, ltm, tanhLtm, wm } = this.states;
    for (let t = 0; t < T; t++) {
      const xt = xOffset + t * p;
      const prev = (t - 1) * d;
      const row = t * d;
      for (let i = 0; i < d; i++) {
        // Pre-activations of the four gates for unit i: b_g + W_g x_t + U_g wm_{t-1}.
        let zr = params[bAt + i];
        let zs = params[G + bAt + i];
        let zf = params[2 * G + bAt + i];
        let zl = params[3 * G + bAt + i];
        const w = i * p;
        for (let j = 0; j < p; j++) {
          const xj = x[xt + j];
          if (xj === 0) continue; // one-hot inputs are mostly zeros
          zr += params[w + j] * xj;
          zs += params[G + w + j] * xj;
          zf += params[2 * G + w + j] * xj;
          zl += params[3 * G + w + j] * xj;
        }
        if (t > 0) {
          const u = uAt + i * d;
          for (let j = 0; j < d; j++) {
            const h = wm[prev + j];
            zr += params[u + j] * h;
            zs += params[G + u + j] * h;
            zf += params[2 * G + u + j] * h;
            zl += params[3 * G + u + j] * h;
          }
        }
        const r = sigmoid(zr);
        const s = sigmoid(zs);
        const f = sigmoid(zf);
        const c = Math.tanh(zl);
        const m = (t > 0 ? r * ltm[prev + i] : 0) + s * c;
        const tm = Math.tanh(m);
        rem[row + i] = r;
        save[row + i] = s;
        focus[row + i] = f;
        candidate[row + i] = c;
        ltm[row + i] = m;
        tanhLtm[row + i] = tm;
        wm[row + i] = f * tm;
      }
    }
    return wm;
  }

  backward(params: Float64Array, x: ArrayLike<number>, xOffset: number, T: number, dh: Float64Array, nabla: Float64Array, dx: Float64Array | null): void {
    const p = this.inputSize;
    const d = this.hiddenSize;
    const G = this.gate;
    const uAt = d * p;
    const bAt = d * p + d * d;
    const { rem, save, focus, candidate, ltm, tanhLtm, wm } = this.states;
    const dz = this.dz;
    const dwmNext = this.dwmNext;
    let dltmNext = this.dltmNext;
    let dltmCarry = this.dltmCarry;
    dwmNext.fill(0);
    dltmNext.fill(0);
    for (let t = T - 1; t >= 0; t--) {
      const row = t * d;
      const prev = (t - 1) * d;
      for (let i = 0; i < d; i++) {
        const k = row + i;
        // dC/dwm_t: from the output at step t and from the four gates at t + 1.
        const dwm = dh[k] + dwmNext[i];
        const f = focus[k];
        const tm = tanhLtm[k];
        // dC/dltm_t: through wm_t = focus . tanh(ltm_t), and from ltm_{t+1} through rem_{t+1}.
        const dltm = dltmNext[i] + dwm * f * (1 - tm * tm);
        const r = rem[k];
        const s = save[k];
        const c = candidate[k];
        dz[i] = t > 0 ? dltm * ltm[prev + i] * r * (1 - r) : 0;
        dz[d + i] = dltm * c * s * (1 - s);
        dz[2 * d + i] = dwm * tm * f * (1 - f);
        dz[3 * d + i] = dltm * s * (1 - c * c);
        dltmCarry[i] = dltm * r;
      }
      const xt = xOffset + t * p;
      if (dx) dx.fill(0, t * p, (t + 1) * p);
      dwmNext.fill(0);
      for (let g = 0; g < 4; g++) {
        const base = g * G;
        for (let i = 0; i < d; i++) {
          const dzi = dz[g * d + i];
          if (dzi === 0) continue;
          nabla[base + bAt + i] += dzi;
          const w = base + i * p;
          for (let j = 0; j < p; j++) {
            nabla[w + j] += dzi * x[xt + j];
            if (dx) dx[t * p + j] += params[w + j] * dzi;
          }
          if (t > 0) {
            const u = base + uAt + i * d;
            for (let j = 0; j < d; j++) {
              nabla[u + j] += dzi * wm[prev + j];
              dwmNext[j] += params[u + j] * dzi;
            }
          }
        }
      }
      const swap = dltmNext;
      dltmNext = dltmCarry;
      dltmCarry = swap;
    }
    this.dltmNext = dltmNext;
    this.dltmCarry = dltmCarry;
  }
}

function allocate(n: number): LstmStates {
  const make = (): Float64Array => atLeast(new Float64Array(0), n);
  return { rem: make(), save: make(), focus: make(), candidate: make(), ltm: make(), tanhLtm: make(), wm: make() };
}
