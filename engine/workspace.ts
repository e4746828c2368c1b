/** Per-example scratch buffers for one plan, allocated once and reused. */
import { makeVec, type Plan, type Vec } from './compile';

export interface Workspace {
  /** Weighted input z of every unit. */
  z: Vec;
  /** Activation a of every unit. */
  a: Vec;
  /** dC/da of every unit, accumulated from its consumers. */
  ga: Vec;
  /** delta = dC/dz of every unit. */
  delta: Vec;
  /** The output vector, gathered from the output blocks. */
  out: Vec;
  /** dC/d(output), scattered back to the output blocks. */
  gOut: Vec;
  /** Gradient accumulator, one entry per parameter (the seed's nabla_b, nabla_w). */
  nabla: Vec;
}

export function createWorkspace(plan: Plan): Workspace {
  const n = plan.totalUnits;
  const m = plan.output?.size ?? 0;
  return {
    z: makeVec(plan.precision, n),
    a: makeVec(plan.precision, n),
    ga: makeVec(plan.precision, n),
    delta: makeVec(plan.precision, n),
    out: makeVec(plan.precision, m),
    gOut: makeVec(plan.precision, m),
    nabla: makeVec(plan.precision, plan.params.length),
  };
}
