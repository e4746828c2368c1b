/**
 * The little of the WebAssembly JS API the kernel uses, typed locally: the
 * engine's library is plain ES2022, which does not declare WebAssembly, and a
 * host without it (or without SIMD) simply gets no wasm kernel.
 */
import type { Precision } from '../compile';
import { decodeBase64 } from './base64';
import * as f32 from './generated/kernel-float32';
import * as f32fma from './generated/kernel-float32-fma';
import * as f64 from './generated/kernel-float64';
import * as f64fma from './generated/kernel-float64-fma';

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export interface KernelExports {
  train(m: number, cur: number, step: number, decay: number): number;
  forward(m: number, cur: number): number;
  math(op: number, ptr: number, n: number): void;
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

export const PAGE = 65536;
/** 32-bit linear memory: 65,536 pages of 64 KiB. */
export const MAX_PAGES = 65536;

/** Which build of the kernel: with relaxed SIMD's fused multiply-add, or plain SIMD. */
export type Variant = 'fma' | 'plain';

const sources: Record<Precision, Record<Variant, string>> = {
  float32: { fma: f32fma.bytesBase64, plain: f32.bytesBase64 },
  float64: { fma: f64fma.bytesBase64, plain: f64.bytesBase64 },
};
const modules = new Map<string, object | null>();

function api(): WasmApi | null {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  return wasm && typeof wasm.validate === 'function' ? wasm : null;
}

/** The compiled kernel build, or null when this host cannot run it (no WebAssembly, SIMD or relaxed SIMD). */
export function kernelModule(precision: Precision, variant: Variant): object | null {
  const key = `${precision}-${variant}`;
  if (modules.has(key)) return modules.get(key) ?? null;
  const wasm = api();
  let module: object | null = null;
  if (wasm) {
    const bytes = decodeBase64(sources[precision][variant]);
    // validate() is the feature test: it fails where SIMD (or relaxed SIMD) is not supported.
    // Compiling can still be refused (a browser's main thread allows only
    // tiny synchronous compiles): then there is no wasm kernel either.
    try {
      if (wasm.validate(bytes)) module = new wasm.Module(bytes);
    } catch {
      module = null;
    }
  }
  modules.set(key, module);
  return module;
}

/** The best build this host runs: fused multiply-add where relaxed SIMD is on, unless told plain. */
export function bestVariant(precision: Precision, allowFma = true): Variant | null {
  if (allowFma && kernelModule(precision, 'fma')) return 'fma';
  return kernelModule(precision, 'plain') ? 'plain' : null;
}

export function wasmSimdAvailable(): boolean {
  return kernelModule('float32', 'plain') !== null;
}

export interface KernelInstance {
  memory: WasmMemory;
  exports: KernelExports;
}

/** A fresh instance with its own memory of `pages` pages; null if the memory cannot be had. */
export function instantiate(precision: Precision, variant: Variant, pages: number): KernelInstance | null {
  const wasm = api();
  const module = kernelModule(precision, variant);
  if (!wasm || !module || pages > MAX_PAGES) return null;
  let memory: WasmMemory;
  try {
    memory = new wasm.Memory({ initial: pages });
  } catch {
    return null;
  }
  try {
    const instance = new wasm.Instance(module, { env: { memory } });
    return { memory, exports: instance.exports as KernelExports };
  } catch {
    return null;
  }
}
