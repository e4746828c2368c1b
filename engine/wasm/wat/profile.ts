/**
 * The vector profile of one precision: float32 runs four lanes per v128,
 * float64 two. Every generated instruction name comes from here, so the same
 * generator writes both kernels.
 */
import type { Precision } from '../../compile';
import { elementSize, padUnit } from '../abi';

export interface Profile {
  precision: Precision;
  /** Scalar type: f32 or f64. */
  s: 'f32' | 'f64';
  /** Float vector shape. */
  v: 'f32x4' | 'f64x2';
  /** Integer shape of the same lane width. */
  i: 'i32x4' | 'i64x2';
  /** Bytes per element. */
  es: 4 | 8;
  lanes: 4 | 2;
  /** Vector steps per unrolled inner-loop iteration (padUnit / lanes). */
  unroll: number;
  /**
   * Use relaxed SIMD's fused multiply-add in the dense loops. Relaxed SIMD is
   * off by default in Node 20 and on in Node 22+ and Electron 45, so the
   * kernel is built both ways and the host picks what validates.
   */
  fma: boolean;
}

export function profileFor(precision: Precision, fma = false): Profile {
  const es = elementSize(precision);
  const lanes = es === 4 ? 4 : 2;
  return {
    precision,
    s: es === 4 ? 'f32' : 'f64',
    v: es === 4 ? 'f32x4' : 'f64x2',
    i: es === 4 ? 'i32x4' : 'i64x2',
    es,
    lanes,
    unroll: padUnit(precision) / lanes,
    fma,
  };
}

/** A folded S-expression. */
export const op = (name: string, ...args: string[]): string => `(${name}${args.map((a) => ' ' + a).join('')})`;
export const get = (name: string): string => `(local.get $${name})`;
export const set = (name: string, value: string): string => `(local.set $${name} ${value})`;
export const i32 = (n: number): string => `(i32.const ${n | 0})`;
export const add32 = (a: string, b: string): string => op('i32.add', a, b);
export const mul32 = (a: string, b: string): string => op('i32.mul', a, b);

/** A float literal that WAT parses back to the same value (and "inf"/"nan" spelt the WAT way). */
export function lit(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return String(x);
}

export function scalarConst(p: Profile, x: number): string {
  return `(${p.s}.const ${lit(x)})`;
}

/** A vector with x in every lane. */
export function splatConst(p: Profile, x: number): string {
  return `(v128.const ${p.v}${` ${lit(x)}`.repeat(p.lanes)})`;
}

/** A vector of the integer shape with n in every lane. */
export function splatInt(p: Profile, n: number): string {
  return `(v128.const ${p.i}${` ${n}`.repeat(p.lanes)})`;
}

/** a * b + c: fused (one rounding) where the profile allows, else a multiply and an add. */
export function multiplyAdd(p: Profile, a: string, b: string, c: string): string {
  return p.fma ? `(${p.v}.relaxed_madd ${a} ${b} ${c})` : `(${p.v}.add ${c} (${p.v}.mul ${a} ${b}))`;
}

export const vload = (addr: string, offset = 0): string => `(v128.load${offset ? ` offset=${offset}` : ''} ${addr})`;
export const vstore = (addr: string, value: string, offset = 0): string =>
  `(v128.store${offset ? ` offset=${offset}` : ''} ${addr} ${value})`;

/** Sum of the lanes of a vector, as a scalar. */
export function horizontalSum(p: Profile, v: string): string {
  if (p.lanes === 2) return op('f64.add', op('f64x2.extract_lane 0', v), op('f64x2.extract_lane 1', v));
  // (l0 + l2) + (l1 + l3): fold the high half onto the low half, then add two lanes.
  return `(call $hsum4 ${v})`;
}

/** Helper functions some profiles need (emitted once per module). */
export function profileHelpers(p: Profile): string {
  if (p.lanes === 2) return '';
  return `
  (func $hsum4 (param $v v128) (result f32)
    (local $h v128)
    (local.set $h (f32x4.add (local.get $v) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
    (f32.add (f32x4.extract_lane 0 (local.get $h)) (f32x4.extract_lane 1 (local.get $h))))`;
}
