/**
 * Vector exp, log, sigmoid and tanh in WAT. WebAssembly has no
 * transcendental instructions, so these are the classic range reductions:
 * Cephes' expf/logf/tanhf polynomials for float32 and fdlibm's exp/log
 * (Cephes' tanh) for float64, all within a couple of ulps of Math.exp,
 * Math.log and Math.tanh (the tests check this). NaN goes in, NaN comes out:
 * the trainer's divergence check depends on it.
 */
import { get, op, set, splatConst, splatInt, type Profile } from './profile';

/** Horner's rule: c[0] x^(n-1) + ... + c[n-1], with x a WAT expression. */
export function horner(p: Profile, x: string, coefficients: number[]): string {
  let acc = splatConst(p, coefficients[0]);
  for (let i = 1; i < coefficients.length; i++) {
    acc = op(`${p.v}.add`, op(`${p.v}.mul`, acc, x), splatConst(p, coefficients[i]));
  }
  return acc;
}

export function mathFunctions(p: Profile): string {
  return p.lanes === 4 ? float32Math(p) : float64Math(p);
}

/** Shared by both precisions: the logistic function and its use of exp. */
function sigmoid(p: Profile): string {
  const v = p.v;
  return `
  (func $sigmoid (param $z v128) (result v128)
    ${op(`${v}.div`, splatConst(p, 1), op(`${v}.add`, splatConst(p, 1), `(call $exp ${op(`${v}.neg`, get('z'))})`))})`;
}

function float32Math(p: Profile): string {
  const v = 'f32x4';
  const mul = (a: string, b: string): string => op(`${v}.mul`, a, b);
  const addv = (a: string, b: string): string => op(`${v}.add`, a, b);
  const sub = (a: string, b: string): string => op(`${v}.sub`, a, b);
  const c = (x: number): string => splatConst(p, x);
  const expPoly = horner(p, get('r'), [1.987569150e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1]);
  const logPoly = horner(p, get('t'), [
    7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1,
    -2.4999993993e-1, 3.3333331174e-1,
  ]);
  const tanhPoly = horner(p, get('z'), [-5.70498872745e-3, 2.06390887954e-2, -5.37397155531e-2, 1.33314422036e-1, -3.33332819422e-1]);
  return `
  ;; exp(x) = p(r) 2^n with n = round(x / ln 2), r = x - n ln 2 (Cephes expf).
  ;; 2^n is applied as two factors so that results underflow gradually and
  ;; overflow to +inf exactly where float32 does.
  (func $exp (param $x v128) (result v128)
    (local $n v128) (local $r v128) (local $k v128) (local $h v128)
    ${set('x', op(`${v}.min`, op(`${v}.max`, get('x'), c(-104)), c(88.8)))}
    ${set('n', op(`${v}.nearest`, mul(get('x'), c(1.4426950408889634))))}
    ${set('r', sub(sub(get('x'), mul(get('n'), c(0.693359375))), mul(get('n'), c(-2.1219444e-4))))}
    ${set('k', op('i32x4.trunc_sat_f32x4_s', get('n')))}
    ${set('h', op('i32x4.shr_s', get('k'), '(i32.const 1)'))}
    ${set('k', op('i32x4.sub', get('k'), get('h')))}
    ${mul(
      mul(
        addv(addv(mul(expPoly, mul(get('r'), get('r'))), get('r')), c(1)),
        op('i32x4.shl', op('i32x4.add', get('h'), splatInt(p, 127)), '(i32.const 23)'),
      ),
      op('i32x4.shl', op('i32x4.add', get('k'), splatInt(p, 127)), '(i32.const 23)'),
    )})
  ${sigmoid(p)}
  ;; log(x) for positive normal x (Cephes logf): x = m 2^e with m in [sqrt(1/2), sqrt(2)).
  (func $log (param $x v128) (result v128)
    (local $e v128) (local $m v128) (local $small v128) (local $t v128) (local $z v128) (local $y v128) (local $fe v128)
    ${set('e', op('i32x4.sub', op('i32x4.shr_u', get('x'), '(i32.const 23)'), splatInt(p, 126)))}
    ${set('m', op('v128.or', op('v128.and', get('x'), splatInt(p, 0x007fffff)), splatInt(p, 0x3f000000)))}
    ${set('small', op(`${v}.lt`, get('m'), c(0.7071067811865476)))}
    ${set('e', op('i32x4.add', get('e'), get('small')))}
    ${set('t', addv(sub(get('m'), c(1)), op('v128.and', get('m'), get('small'))))}
    ${set('z', mul(get('t'), get('t')))}
    ${set('y', mul(mul(logPoly, get('t')), get('z')))}
    ${set('fe', op('f32x4.convert_i32x4_s', get('e')))}
    ${set('y', addv(get('y'), mul(get('fe'), c(-2.1219444e-4))))}
    ${set('y', sub(get('y'), mul(get('z'), c(0.5))))}
    ${set('y', addv(addv(get('t'), get('y')), mul(get('fe'), c(0.693359375))))}
    (v128.bitselect (local.get $x) (local.get $y) (f32x4.ne (local.get $x) (local.get $x))))
  ;; The cost's log: the JS kernel takes log(max(a, 1e-300)) in double, so an
  ;; output of exactly 0 costs -ln(1e-300); float32 subnormals are clamped to the
  ;; smallest normal float32.
  (func $costLog (param $a v128) (result v128)
    (v128.bitselect ${c(-690.7755278982137)} (call $log (f32x4.max (local.get $a) ${c(1.1754943508222875e-38)}))
      (f32x4.eq (local.get $a) ${c(0)})))
  ;; tanh (Cephes tanhf): an odd polynomial near 0, 1 - 2/(e^{2|x|} + 1) elsewhere.
  (func $tanh (param $x v128) (result v128)
    (local $ax v128) (local $z v128) (local $small v128) (local $big v128)
    ${set('ax', op('f32x4.abs', get('x')))}
    ${set('z', mul(get('x'), get('x')))}
    ${set('small', addv(mul(mul(tanhPoly, get('z')), get('x')), get('x')))}
    ${set('big', sub(c(1), op(`${v}.div`, c(2), addv(`(call $exp ${addv(get('ax'), get('ax'))})`, c(1)))))}
    ${set('big', op('v128.or', get('big'), op('v128.and', get('x'), splatInt(p, -0x80000000))))}
    (v128.bitselect (local.get $small) (local.get $big) (f32x4.lt (local.get $ax) ${c(0.625)})))`;
}

function float64Math(p: Profile): string {
  const v = 'f64x2';
  const mul = (a: string, b: string): string => op(`${v}.mul`, a, b);
  const addv = (a: string, b: string): string => op(`${v}.add`, a, b);
  const sub = (a: string, b: string): string => op(`${v}.sub`, a, b);
  const c = (x: number): string => splatConst(p, x);
  const i64 = (n: bigint): string => `(v128.const i64x2 ${n} ${n})`;
  const ln2Hi = 6.93147180369123816490e-1;
  const ln2Lo = 1.90821492927058770002e-10;
  const expPoly = horner(p, get('t'), [
    4.13813679705723846039e-8, -1.6533902205465251539e-6, 6.61375632143793436117e-5, -2.77777777770155933842e-3,
    1.66666666666666019037e-1,
  ]);
  /** Turns the two i32 lanes of a trunc_sat_f64x2_s_zero result into 2^k as f64x2 (k within the normal range). */
  const pow2 = (k: string): string =>
    op('i64x2.shl', op('i64x2.add', op('i64x2.extend_low_i32x4_s', k), i64(1023n)), '(i32.const 52)');
  // Cephes' coefficients, written as the doubles they round to.
  const tanhP = horner(p, get('z'), [-0.9643991794250523, -99.28772310019185, -1614.6876844170845]);
  const tanhQ = horner(p, get('z'), [1, 112.81167849163293, 2235.4883906010045, 4844.063053251255]);
  return `
  ;; exp(x) (fdlibm): k = round(x / ln 2), r = x - k ln 2 in two parts,
  ;; exp(r) = 1 + r + r c / (2 - c); 2^k applied as two factors.
  (func $exp (param $x v128) (result v128)
    (local $k v128) (local $hi v128) (local $lo v128) (local $r v128) (local $t v128) (local $cc v128) (local $y v128)
    (local $ki v128) (local $h v128)
    ${set('x', op(`${v}.min`, op(`${v}.max`, get('x'), c(-745.2)), c(709.8)))}
    ${set('k', op(`${v}.nearest`, mul(get('x'), c(1.44269504088896338700))))}
    ${set('hi', sub(get('x'), mul(get('k'), c(ln2Hi))))}
    ${set('lo', mul(get('k'), c(ln2Lo)))}
    ${set('r', sub(get('hi'), get('lo')))}
    ${set('t', mul(get('r'), get('r')))}
    ${set('cc', sub(get('r'), mul(get('t'), expPoly)))}
    ${set('y', addv(c(1), addv(sub(op(`${v}.div`, mul(get('r'), get('cc')), sub(c(2), get('cc'))), get('lo')), get('hi'))))}
    ${set('ki', op('i32x4.trunc_sat_f64x2_s_zero', get('k')))}
    ${set('h', op('i32x4.shr_s', get('ki'), '(i32.const 1)'))}
    ${set('ki', op('i32x4.sub', get('ki'), get('h')))}
    ${mul(mul(get('y'), pow2(get('h'))), pow2(get('ki')))})
  ${sigmoid(p)}
  ;; log(x) for positive normal x (fdlibm): x = 2^k (1 + f), 1 + f in [sqrt(2)/2, sqrt(2)).
  (func $log (param $x v128) (result v128)
    (local $bits v128) (local $k v128) (local $f v128) (local $hfsq v128) (local $s v128) (local $z v128) (local $w v128)
    (local $r v128) (local $dk v128)
    ${set('bits', op('i64x2.add', get('x'), i64(BigInt(0x3ff00000 - 0x3fe6a09e) << 32n)))}
    ${set('k', op('i64x2.sub', op('i64x2.shr_s', get('bits'), '(i32.const 52)'), i64(0x3ffn)))}
    ${set('f', sub(op('i64x2.add', op('v128.and', get('bits'), i64(0x000fffffffffffffn)), i64(0x3fe6a09en << 32n)), c(1)))}
    ${set('hfsq', mul(c(0.5), mul(get('f'), get('f'))))}
    ${set('s', op(`${v}.div`, get('f'), addv(c(2), get('f'))))}
    ${set('z', mul(get('s'), get('s')))}
    ${set('w', mul(get('z'), get('z')))}
    ${set(
      'r',
      addv(
        mul(get('z'), horner(p, get('w'), [1.479819860511658591e-1, 1.818357216161805012e-1, 2.857142874366239149e-1, 6.666666666666735130e-1])),
        mul(get('w'), horner(p, get('w'), [1.531383769920937332e-1, 2.222219843214978396e-1, 3.999999999940941908e-1])),
      ),
    )}
    ${set('dk', op('f64x2.convert_low_i32x4_s', '(i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 0 1 2 3 (local.get $k) (local.get $k))'))}
    ${set(
      'r',
      addv(
        addv(sub(addv(mul(get('s'), addv(get('hfsq'), get('r'))), mul(get('dk'), c(ln2Lo))), get('hfsq')), get('f')),
        mul(get('dk'), c(ln2Hi)),
      ),
    )}
    (v128.bitselect (local.get $x) (local.get $r) (f64x2.ne (local.get $x) (local.get $x))))
  ;; The cost's log, as the JS kernel takes it: log(max(a, 1e-300)).
  (func $costLog (param $a v128) (result v128)
    (call $log (f64x2.max (local.get $a) ${c(1e-300)})))
  ;; tanh (Cephes): x + x z P(z)/Q(z) with z = x^2 near 0, 1 - 2/(e^{2|x|} + 1) elsewhere.
  (func $tanh (param $x v128) (result v128)
    (local $ax v128) (local $z v128) (local $small v128) (local $big v128)
    ${set('ax', op('f64x2.abs', get('x')))}
    ${set('z', mul(get('x'), get('x')))}
    ${set('small', addv(get('x'), mul(mul(get('x'), get('z')), op(`${v}.div`, tanhP, tanhQ))))}
    ${set('big', sub(c(1), op(`${v}.div`, c(2), addv(`(call $exp ${addv(get('ax'), get('ax'))})`, c(1)))))}
    ${set('big', op('v128.or', get('big'), op('v128.and', get('x'), i64(-0x8000000000000000n))))}
    (v128.bitselect (local.get $small) (local.get $big) (f64x2.lt (local.get $ax) ${c(0.625)})))`;
}
