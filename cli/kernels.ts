/** Faster kernels the CLI offers the Trainer, best first; the JS kernel is the fallback. */
import type { KernelFactory } from '../engine/kernel';
import { wasmKernelFactory } from '../engine/wasm';

/** The WebAssembly kernel takes chains of dense layers trained by SGD, in both precisions; it declines the rest. */
export function kernelsFor(): KernelFactory[] {
  return [wasmKernelFactory];
}
