/**
 * Parameter updates from an accumulated mini-batch gradient nabla = sum_x dC_x/dtheta.
 * SGD is the seed's section 2.2 with network2.py's L2 weight decay:
 *   w <- (1 - eta*lambda/n) w - (eta/m) nabla_w,   b <- b - (eta/m) nabla_b
 * Momentum and Adam take the same regularised gradient g = nabla/m + (lambda/n) w.
 * Frozen parameters are never touched.
 */
import type { Vec } from './compile';

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export interface OptimizerSettings {
  name: OptimizerName;
  /** Momentum coefficient mu (Nielsen ch. 3), default 0.9. */
  momentum?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export interface UpdateSettings {
  eta: number;
  lambda: number;
  /** Size of the whole training set (L2 is scaled by lambda/n). */
  n: number;
}

export interface Optimizer {
  apply(params: Vec, nabla: Vec, frozen: Uint8Array, isWeight: Uint8Array, m: number, hp: UpdateSettings): void;
}

export function createOptimizer(settings: OptimizerSettings, size: number): Optimizer {
  switch (settings.name) {
    case 'sgd':
      return { apply: sgd };
    case 'momentum':
      return momentum(settings.momentum ?? 0.9, size);
    case 'adam':
      return adam(settings.beta1 ?? 0.9, settings.beta2 ?? 0.999, settings.epsilon ?? 1e-8, size);
  }
}

function sgd(params: Vec, nabla: Vec, frozen: Uint8Array, isWeight: Uint8Array, m: number, hp: UpdateSettings): void {
  const step = hp.eta / m;
  const decay = 1 - (hp.eta * hp.lambda) / hp.n;
  for (let i = 0; i < params.length; i++) {
    if (frozen[i] === 1) continue;
    params[i] = (isWeight[i] === 1 ? decay * params[i] : params[i]) - step * nabla[i];
  }
}

function momentum(mu: number, size: number): Optimizer {
  const velocity = new Float64Array(size);
  return {
    apply(params, nabla, frozen, isWeight, m, hp) {
      const l2 = hp.lambda / hp.n;
      for (let i = 0; i < params.length; i++) {
        if (frozen[i] === 1) continue;
        const g = nabla[i] / m + (isWeight[i] === 1 ? l2 * params[i] : 0);
        velocity[i] = mu * velocity[i] - hp.eta * g;
        params[i] += velocity[i];
      }
    },
  };
}

function adam(beta1: number, beta2: number, epsilon: number, size: number): Optimizer {
  const first = new Float64Array(size);
  const second = new Float64Array(size);
  let t = 0;
  return {
    apply(params, nabla, frozen, isWeight, m, hp) {
      t++;
      const l2 = hp.lambda / hp.n;
      const c1 = 1 - Math.pow(beta1, t);
      const c2 = 1 - Math.pow(beta2, t);
      for (let i = 0; i < params.length; i++) {
        if (frozen[i] === 1) continue;
        const g = nabla[i] / m + (isWeight[i] === 1 ? l2 * params[i] : 0);
        first[i] = beta1 * first[i] + (1 - beta1) * g;
        second[i] = beta2 * second[i] + (1 - beta2) * g * g;
        params[i] -= (hp.eta * (first[i] / c1)) / (Math.sqrt(second[i] / c2) + epsilon);
      }
    },
  };
}

export function isOptimizerName(name: string): name is OptimizerName {
  return (OPTIMIZER_NAMES as readonly string[]).includes(name);
}
