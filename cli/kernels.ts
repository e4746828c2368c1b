/** Faster kernels the CLI offers the Trainer, best first; the JS kernel is the fallback. */
import type { Precision } from '../engine/compile';
import type { KernelFactory } from '../engine/kernel';

export function kernelsFor(_precision: Precision): KernelFactory[] {
  return [];
}
