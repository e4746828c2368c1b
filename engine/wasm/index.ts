/** The WebAssembly SIMD training kernel (float32 and float64). */
export { wasmKernelFactory, createWasmKernelFactory, createWasmKernel, wasmDeclineReason, type WasmKernelOptions } from './wasm-kernel';
export { wasmSimdAvailable } from './runtime';
export { chainOf, type Chain } from './chain';
