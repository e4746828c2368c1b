/**
 * The whole kernel module as WAT text: per-layer passes driven by the
 * descriptors in linear memory (see ../abi.ts), and two exports that each do a
 * mini-batch's worth of work in one call:
 *   train(m, cur, step, decay) -> cost sum (non-finite: diverged, parameters kept)
 *   forward(m, cur)            -> cost sum, output activations left in the rows
 * One call per mini-batch keeps V8's tier-up working (it cannot replace a
 * running call) and the per-call overhead negligible.
 */
import type { Precision } from '../../compile';
import { ACTIVATION_CODES, COST_CODES, DESCRIPTOR, DESCRIPTOR_BASE, DESCRIPTOR_SIZE, HEADER, MATH_OPS, OUTPUT_MODES } from '../abi';
import { backpropTile, dispatch, forwardTile, updateTile } from './dense';
import { mathFunctions } from './math';
import { add32, get, horizontalSum, i32, op, profileFor, profileHelpers, set, splatConst, vload, vstore, type Profile } from './profile';

export interface KernelShape {
  /** Largest example tile of the forward pass. */
  forwardTile: number;
  /** Largest example tile of the fused update. */
  updateTile: number;
  /** Largest example tile of backpropagation. */
  backpropTile: number;
}

export const DEFAULT_SHAPE: KernelShape = { forwardTile: 2, updateTile: 5, backpropTile: 4 };

const field = (d: string, name: keyof typeof DESCRIPTOR): string => `(i32.load offset=${DESCRIPTOR[name]} ${d})`;
const header = (name: keyof typeof HEADER): string => `(i32.load offset=${HEADER[name]} (i32.const 0))`;
const descriptorOf = (l: string): string =>
  add32(i32(DESCRIPTOR_BASE), op('i32.mul', op('i32.sub', l, i32(1)), i32(DESCRIPTOR_SIZE)));
/** The field of buffer 0 or 1: `cur` selects which holds the current parameters. */
const pick = (d: string, zero: keyof typeof DESCRIPTOR, one: keyof typeof DESCRIPTOR, which: string): string =>
  `(select ${field(d, one)} ${field(d, zero)} ${which})`;

let labelCount = 0;
/** for (k = 0; k < bytes; k += 16) body  — over the vector steps of one row. */
function vectorLoop(bytes: string, body: string): string {
  const label = `$v${labelCount++}`;
  return `(local.set $k (i32.const 0))
    (loop ${label}
      ${body}
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if ${label} (i32.lt_u (local.get $k) ${bytes})))`;
}

/** for (e = 0; e < m; e++) body */
function exampleLoop(body: string): string {
  const label = `$e${labelCount++}`;
  return `(local.set $e (i32.const 0))
    (loop ${label}
      ${body}
      (local.set $e (i32.add (local.get $e) (i32.const 1)))
      (br_if ${label} (i32.lt_u (local.get $e) (local.get $m))))`;
}

/** Row pointer e of an i32 pointer array. */
const row = (array: string): string => `(i32.load ${add32(array, op('i32.shl', get('e'), i32(2)))})`;

/** Rewrites the last padUnit elements' vectors of a row: pads become `fill(v, mask)`. */
function maskPads(p: Profile, rowPtr: string, bytes: string, mask: string, fill: (v: string, m: string) => string): string {
  const out: string[] = [];
  for (let u = 0; u < p.unroll; u++) {
    const addr = op('i32.sub', add32(rowPtr, bytes), i32(16 * (p.unroll - u)));
    out.push(vstore(addr, fill(vload(addr), vload(mask, 16 * u))));
  }
  return out.join('\n      ');
}

function activationOf(p: Profile, act: string, z: string): string {
  const v = p.v;
  return `(if (result v128) (i32.eq ${act} ${i32(ACTIVATION_CODES.sigmoid)}) (then (call $sigmoid ${z}))
      (else (if (result v128) (i32.eq ${act} ${i32(ACTIVATION_CODES.tanh)}) (then (call $tanh ${z}))
      (else (if (result v128) (i32.eq ${act} ${i32(ACTIVATION_CODES.relu)}) (then (${v}.pmax ${splatConst(p, 0)} ${z}))
      (else ${z}))))))`;
}

/** f'(z) expressed through a = f(z), as activations.ts has it. */
function derivativeOf(p: Profile, act: string, a: string): string {
  const v = p.v;
  const one = splatConst(p, 1);
  return `(if (result v128) (i32.eq ${act} ${i32(ACTIVATION_CODES.sigmoid)}) (then (${v}.mul ${a} (${v}.sub ${one} ${a})))
      (else (if (result v128) (i32.eq ${act} ${i32(ACTIVATION_CODES.tanh)}) (then (${v}.sub ${one} (${v}.mul ${a} ${a})))
      (else (if (result v128) (i32.eq ${act} ${i32(ACTIVATION_CODES.relu)}) (then (v128.and (${v}.gt ${a} ${splatConst(p, 0)}) ${one}))
      (else ${one}))))))`;
}

function passes(p: Profile, shape: KernelShape): string {
  const v = p.v;
  const s = p.s;
  const es = i32(p.es);
  const vadd = (a: string, b: string): string => op(`${v}.add`, a, b);
  const vsub = (a: string, b: string): string => op(`${v}.sub`, a, b);
  const vmul = (a: string, b: string): string => op(`${v}.mul`, a, b);
  const toF64 = (x: string): string => (s === 'f64' ? x : op('f64.promote_f32', x));
  const addChk = (x: string): string => `(global.set $chk ${vadd('(global.get $chk)', x)})`;
  const lanesMax = (x: string): string =>
    p.lanes === 2
      ? op('f64.max', op('f64x2.extract_lane 0', x), op('f64x2.extract_lane 1', x))
      : `(call $hmax4 ${x})`;

  return `
  (global $chk (mut v128) (v128.const i64x2 0 0))
  ${
    p.lanes === 4
      ? `(func $hmax4 (param $v v128) (result f32)
    (local $h v128)
    (local.set $h (f32x4.max (local.get $v) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
    (f32.max (f32x4.extract_lane 0 (local.get $h)) (f32x4.extract_lane 1 (local.get $h))))`
      : ''
  }

  ;; z = W a + b for every example of the batch, then a = f(z) in place.
  (func $forwardLayer (param $d i32) (param $m i32) (param $cur i32)
    (local $e0 i32) (local $t i32) (local $w i32) (local $b i32) (local $pInBytes i32)
    (local.set $w ${pick(get('d'), 'weights0', 'weights1', get('cur'))})
    (local.set $b ${pick(get('d'), 'biases0', 'biases1', get('cur'))})
    (local.set $pInBytes (i32.mul ${field(get('d'), 'pIn')} ${es}))
    (loop $tiles
      (local.set $t (select (i32.sub (local.get $m) (local.get $e0)) ${i32(shape.forwardTile)}
        (i32.lt_u (i32.sub (local.get $m) (local.get $e0)) ${i32(shape.forwardTile)})))
      ${dispatch(
        'forward#',
        shape.forwardTile,
        get('t'),
        `${get('w')} ${get('b')} ${field(get('d'), 'nOut')} ${get('pInBytes')} ${add32(field(get('d'), 'inRows'), op('i32.shl', get('e0'), i32(2)))} ${add32(field(get('d'), 'aRows'), op('i32.shl', get('e0'), i32(2)))}`,
      )}
      (local.set $e0 (i32.add (local.get $e0) (local.get $t)))
      (br_if $tiles (i32.lt_u (local.get $e0) (local.get $m))))
    (call $activate (local.get $d) (local.get $m)))

  (func $activate (param $d i32) (param $m i32)
    (local $e i32) (local $k i32) (local $r i32) (local $bytes i32) (local $act i32) (local $mask i32) (local $rows i32)
    (local.set $act ${field(get('d'), 'activation')})
    (local.set $bytes (i32.mul ${field(get('d'), 'pOut')} ${es}))
    (local.set $mask ${field(get('d'), 'lastMask')})
    (local.set $rows ${field(get('d'), 'aRows')})
    ${exampleLoop(`(local.set $r ${row(get('rows'))})
      (if (i32.eq (local.get $act) ${i32(ACTIVATION_CODES.softmax)})
        (then (call $softmax (local.get $r) (local.get $bytes) (local.get $mask)))
        (else
          ${vectorLoop(get('bytes'), vstore(add32(get('r'), get('k')), activationOf(p, get('act'), vload(add32(get('r'), get('k'))))))}
          ${maskPads(p, get('r'), get('bytes'), get('mask'), (x, mk) => op('v128.and', x, mk))}))`)})

  ;; a_j = e^{z_j - max z} / sum_i e^{z_i - max z} over the real units of one row.
  (func $softmax (param $r i32) (param $bytes i32) (param $mask i32)
    (local $k i32) (local $top v128) (local $sum v128)
    ${maskPads(p, get('r'), get('bytes'), get('mask'), (x, mk) => op('v128.bitselect', x, splatConst(p, -Infinity), mk))}
    (local.set $top ${splatConst(p, -Infinity)})
    ${vectorLoop(get('bytes'), set('top', op(`${v}.max`, get('top'), vload(add32(get('r'), get('k'))))))}
    (local.set $top (${v}.splat ${lanesMax(get('top'))}))
    ${vectorLoop(get('bytes'), vstore(add32(get('r'), get('k')), `(call $exp ${vsub(vload(add32(get('r'), get('k'))), get('top'))})`))}
    ${maskPads(p, get('r'), get('bytes'), get('mask'), (x, mk) => op('v128.and', x, mk))}
    ${vectorLoop(get('bytes'), set('sum', vadd(get('sum'), vload(add32(get('r'), get('k'))))))}
    (local.set $sum (${v}.splat ${horizontalSum(p, get('sum'))}))
    ${vectorLoop(get('bytes'), vstore(add32(get('r'), get('k')), op(`${v}.div`, vload(add32(get('r'), get('k'))), get('sum'))))})

  ;; g <- g (.) f'(a) over one row; adds the result to the finiteness check.
  (func $throughActivation (param $a i32) (param $g i32) (param $bytes i32) (param $act i32)
    (local $k i32) (local $x v128)
    ${vectorLoop(
      get('bytes'),
      `(local.set $x ${vmul(vload(add32(get('g'), get('k'))), derivativeOf(p, get('act'), vload(add32(get('a'), get('k')))))})
      ${vstore(add32(get('g'), get('k')), get('x'))}
      ${addChk(get('x'))}`,
    )})

  (func $derivative (param $d i32) (param $m i32)
    (local $e i32) (local $bytes i32) (local $act i32)
    (local.set $act ${field(get('d'), 'activation')})
    (local.set $bytes (i32.mul ${field(get('d'), 'pOut')} ${es}))
    ${exampleLoop(`(call $throughActivation ${row(field(get('d'), 'aRows'))} ${row(field(get('d'), 'gRows'))} (local.get $bytes) (local.get $act))`)})

  ;; The cost of each example of the batch, summed; with delta, also
  ;; delta^L into the last layer's gradient rows.
  (func $output (param $m i32) (param $withDelta i32) (result f64)
    (local $d i32) (local $e i32) (local $k i32) (local $a i32) (local $y i32) (local $g i32) (local $bytes i32)
    (local $cost i32) (local $act i32) (local $c v128) (local $av v128) (local $yv v128) (local $x v128) (local $dot v128)
    (local $total f64) (local $one f64)
    (local.set $d ${descriptorOf(header('layers'))})
    (local.set $cost ${header('cost')})
    (local.set $act ${field(get('d'), 'activation')})
    (local.set $bytes (i32.mul ${field(get('d'), 'pOut')} ${es}))
    ${exampleLoop(`(local.set $a ${row(field(get('d'), 'aRows'))})
      (local.set $y ${row(header('yRows'))})
      (local.set $g ${row(field(get('d'), 'gRows'))})
      (local.set $c (v128.const i64x2 0 0))
      ${vectorLoop(
        get('bytes'),
        `(local.set $av ${vload(add32(get('a'), get('k')))})
        (local.set $yv ${vload(add32(get('y'), get('k')))})
        (if (i32.eq (local.get $cost) ${i32(COST_CODES.quadratic)})
          (then (local.set $x ${vsub(get('av'), get('yv'))}) (local.set $c ${vadd(get('c'), vmul(get('x'), get('x')))}))
          (else (if (i32.eq (local.get $cost) ${i32(COST_CODES.crossEntropy)})
            (then
              ;; With 0/1 targets (one-hot) each unit costs -ln a or -ln(1 - a): one log, not two.
              (local.set $x (v128.or (${v}.eq ${get('yv')} ${splatConst(p, 0)}) (${v}.eq ${get('yv')} ${splatConst(p, 1)})))
              (if (${p.i}.all_true (local.get $x))
                (then (local.set $c ${vsub(
                  get('c'),
                  `(call $costLog (v128.bitselect ${get('av')} ${vsub(splatConst(p, 1), get('av'))} (${v}.eq ${get('yv')} ${splatConst(p, 1)})))`,
                )}))
                (else (local.set $c ${vsub(
                  get('c'),
                  vadd(
                    vmul(get('yv'), `(call $costLog ${get('av')})`),
                    vmul(vsub(splatConst(p, 1), get('yv')), `(call $costLog ${vsub(splatConst(p, 1), get('av'))})`),
                  ),
                )}))))
            (else (local.set $c ${vsub(get('c'), vmul(get('yv'), `(call $costLog ${get('av')})`))})))))`,
      )}
      (local.set $one ${toF64(horizontalSum(p, get('c')))})
      (if (i32.eq (local.get $cost) ${i32(COST_CODES.quadratic)}) (then (local.set $one (f64.mul (local.get $one) (f64.const 0.5)))))
      (local.set $total (f64.add (local.get $total) (local.get $one)))
      (if (local.get $withDelta) (then
        (if (i32.eq ${header('outputMode')} ${i32(OUTPUT_MODES.closedForm)})
          (then
            ${vectorLoop(
              get('bytes'),
              `(local.set $x ${vsub(vload(add32(get('a'), get('k'))), vload(add32(get('y'), get('k'))))})
              ${vstore(add32(get('g'), get('k')), get('x'))}
              ${addChk(get('x'))}`,
            )})
          (else
            ${vectorLoop(
              get('bytes'),
              `(local.set $av ${vload(add32(get('a'), get('k')))})
              (local.set $yv ${vload(add32(get('y'), get('k')))})
              ${vstore(
                add32(get('g'), get('k')),
                `(if (result v128) (i32.eq (local.get $cost) ${i32(COST_CODES.quadratic)}) (then ${vsub(get('av'), get('yv'))})
                  (else (if (result v128) (i32.eq (local.get $cost) ${i32(COST_CODES.crossEntropy)})
                    (then (${v}.div ${vsub(get('av'), get('yv'))} ${vmul(get('av'), vsub(splatConst(p, 1), get('av')))}))
                    (else (${v}.div (${v}.neg ${get('yv')}) ${get('av')})))))`,
              )}`,
            )}
            ${maskPads(p, get('g'), get('bytes'), field(get('d'), 'lastMask'), (x, mk) => op('v128.and', x, mk))}
            (if (i32.eq (local.get $act) ${i32(ACTIVATION_CODES.softmax)})
              (then
                (local.set $dot (v128.const i64x2 0 0))
                ${vectorLoop(get('bytes'), set('dot', vadd(get('dot'), vmul(vload(add32(get('a'), get('k'))), vload(add32(get('g'), get('k')))))))}
                (local.set $dot (${v}.splat ${horizontalSum(p, get('dot'))}))
                ${vectorLoop(
                  get('bytes'),
                  `(local.set $x ${vmul(vload(add32(get('a'), get('k'))), vsub(vload(add32(get('g'), get('k'))), get('dot')))})
                  ${vstore(add32(get('g'), get('k')), get('x'))}
                  ${addChk(get('x'))}`,
                )})
              (else (call $throughActivation (local.get $a) (local.get $g) (local.get $bytes) (local.get $act))))))))`)}
    (local.get $total))

  ;; dC/da of the layer below: g = W^T delta, with the current (old) weights.
  (func $backpropLayer (param $d i32) (param $m i32) (param $cur i32)
    (local $e0 i32) (local $t i32) (local $w i32) (local $pInBytes i32)
    (local.set $w ${pick(get('d'), 'weights0', 'weights1', get('cur'))})
    (local.set $pInBytes (i32.mul ${field(get('d'), 'pIn')} ${es}))
    (loop $tiles
      (local.set $t (select (i32.sub (local.get $m) (local.get $e0)) ${i32(shape.backpropTile)}
        (i32.lt_u (i32.sub (local.get $m) (local.get $e0)) ${i32(shape.backpropTile)})))
      ${dispatch(
        'backprop#',
        shape.backpropTile,
        get('t'),
        `${get('w')} ${field(get('d'), 'nOut')} ${get('pInBytes')} ${add32(field(get('d'), 'gRows'), op('i32.shl', get('e0'), i32(2)))} ${add32(field(get('d'), 'inGRows'), op('i32.shl', get('e0'), i32(2)))}`,
      )}
      (local.set $e0 (i32.add (local.get $e0) (local.get $t)))
      (br_if $tiles (i32.lt_u (local.get $e0) (local.get $m)))))

  ;; SGD with L2 into the other buffer: W' = decay W - (eta/m) sum delta a^T,
  ;; b' = b - (eta/m) sum delta; frozen entries copied; speed of learning.
  (func $updateLayer (param $d i32) (param $l i32) (param $m i32) (param $cur i32) (param $scale ${s}) (param $decay ${s})
    (local $e0 i32) (local $t i32) (local $wOld i32) (local $wNew i32) (local $pInBytes i32) (local $chk v128) (local $decayV v128)
    (local $k i32) (local $e i32) (local $end i32) (local $mask i32) (local $bOld i32) (local $bNew i32) (local $sum v128)
    (local $speed v128) (local $x v128) (local $bytes i32) (local $gRows i32)
    (local.set $wOld ${pick(get('d'), 'weights0', 'weights1', get('cur'))})
    (local.set $wNew ${pick(get('d'), 'weights1', 'weights0', get('cur'))})
    (local.set $bOld ${pick(get('d'), 'biases0', 'biases1', get('cur'))})
    (local.set $bNew ${pick(get('d'), 'biases1', 'biases0', get('cur'))})
    (local.set $pInBytes (i32.mul ${field(get('d'), 'pIn')} ${es}))
    (local.set $decayV (${v}.splat (local.get $decay)))
    (local.set $chk (global.get $chk))
    (local.set $gRows ${field(get('d'), 'gRows')})
    (local.set $t (select (local.get $m) ${i32(shape.updateTile)} (i32.lt_u (local.get $m) ${i32(shape.updateTile)})))
    (local.set $chk ${dispatch(
      'update#first',
      shape.updateTile,
      get('t'),
      `${get('wOld')} ${get('wNew')} ${field(get('d'), 'nOut')} ${get('pInBytes')} ${field(get('d'), 'inRows')} ${get('gRows')} ${get('scale')} ${get('decayV')} ${get('chk')}`,
      true,
    )})
    (local.set $e0 (local.get $t))
    (block $done
      (loop $tiles
        (br_if $done (i32.ge_u (local.get $e0) (local.get $m)))
        (local.set $t (select (i32.sub (local.get $m) (local.get $e0)) ${i32(shape.updateTile)}
          (i32.lt_u (i32.sub (local.get $m) (local.get $e0)) ${i32(shape.updateTile)})))
        (local.set $chk ${dispatch(
          'update#more',
          shape.updateTile,
          get('t'),
          `${get('wOld')} ${get('wNew')} ${field(get('d'), 'nOut')} ${get('pInBytes')} ${add32(field(get('d'), 'inRows'), op('i32.shl', get('e0'), i32(2)))} ${add32(get('gRows'), op('i32.shl', get('e0'), i32(2)))} ${get('scale')} ${get('decayV')} ${get('chk')}`,
          true,
        )})
        (local.set $e0 (i32.add (local.get $e0) (local.get $t)))
        (br $tiles)))
    (local.set $mask ${field(get('d'), 'frozenWeights')})
    (if (local.get $mask) (then
      (local.set $end (i32.mul ${field(get('d'), 'nOut')} (local.get $pInBytes)))
      ${vectorLoop(
        get('end'),
        vstore(
          add32(get('wNew'), get('k')),
          op('v128.bitselect', vload(add32(get('wOld'), get('k'))), vload(add32(get('wNew'), get('k'))), vload(add32(get('mask'), get('k')))),
        ),
      )}))
    (local.set $mask ${field(get('d'), 'frozenBiases')})
    (local.set $bytes (i32.mul ${field(get('d'), 'pOut')} ${es}))
    (local.set $speed (v128.const i64x2 0 0))
    ${vectorLoop(
      get('bytes'),
      `(local.set $sum (v128.const i64x2 0 0))
      ${exampleLoop(set('sum', vadd(get('sum'), vload(add32(row(get('gRows')), get('k'))))))}
      (local.set $speed ${vadd(get('speed'), op(`${v}.abs`, get('sum')))})
      (local.set $x ${vadd(vload(add32(get('bOld'), get('k'))), vmul(op(`${v}.splat`, get('scale')), get('sum')))})
      (if (local.get $mask) (then
        (local.set $x (v128.bitselect ${vload(add32(get('bOld'), get('k')))} (local.get $x) ${vload(add32(get('mask'), get('k')))}))))
      ${vstore(add32(get('bNew'), get('k')), get('x'))}
      (local.set $chk ${vadd(get('chk'), get('x'))})`,
    )}
    (f64.store ${add32(header('speed'), op('i32.shl', op('i32.sub', get('l'), i32(1)), i32(3)))}
      (f64.div ${toF64(horizontalSum(p, get('speed')))} (f64.convert_i32_u (i32.mul ${field(get('d'), 'nOut')} (local.get $m)))))
    (global.set $chk (local.get $chk)))

  (func $forwardAll (param $m i32) (param $cur i32)
    (local $l i32) (local $layers i32)
    (local.set $layers ${header('layers')})
    (local.set $l (i32.const 1))
    (loop $layer
      (call $forwardLayer ${descriptorOf(get('l'))} (local.get $m) (local.get $cur))
      (local.set $l (i32.add (local.get $l) (i32.const 1)))
      (br_if $layer (i32.le_u (local.get $l) (local.get $layers)))))

  (func (export "train") (param $m i32) (param $cur i32) (param $step f64) (param $decay f64) (result f64)
    (local $l i32) (local $cost f64) (local $check f64) (local $d i32)
    (global.set $chk (v128.const i64x2 0 0))
    (call $forwardAll (local.get $m) (local.get $cur))
    (local.set $cost (call $output (local.get $m) (i32.const 1)))
    (local.set $l ${header('layers')})
    (loop $layer
      (local.set $d ${descriptorOf(get('l'))})
      (if (i32.gt_u (local.get $l) (i32.const 1)) (then
        (call $backpropLayer (local.get $d) (local.get $m) (local.get $cur))
        (call $derivative ${descriptorOf(op('i32.sub', get('l'), i32(1)))} (local.get $m))))

      (call $updateLayer (local.get $d) (local.get $l) (local.get $m) (local.get $cur)
        ${s === 'f64' ? '(f64.neg (local.get $step))' : '(f32.demote_f64 (f64.neg (local.get $step)))'}
        ${s === 'f64' ? '(local.get $decay)' : '(f32.demote_f64 (local.get $decay))'})
      (local.set $l (i32.sub (local.get $l) (i32.const 1)))
      (br_if $layer (i32.ge_u (local.get $l) (i32.const 1))))
    (if (f64.ne (f64.sub (local.get $cost) (local.get $cost)) (f64.const 0)) (then (return (local.get $cost))))
    (local.set $check ${toF64(horizontalSum(p, '(global.get $chk)'))})
    (if (f64.ne (f64.sub (local.get $check) (local.get $check)) (f64.const 0)) (then (return (f64.const nan))))
    (local.get $cost))

  (func (export "forward") (param $m i32) (param $cur i32) (result f64)
    (call $forwardAll (local.get $m) (local.get $cur))
    (call $output (local.get $m) (i32.const 0)))

  ;; Applies one of the vector functions in place to n elements at ptr (tests).
  (func (export "math") (param $op i32) (param $ptr i32) (param $n i32)
    (local $k i32) (local $bytes i32) (local $x v128)
    (local.set $bytes (i32.mul (local.get $n) ${es}))
    ${vectorLoop(
      get('bytes'),
      `(local.set $x ${vload(add32(get('ptr'), get('k')))})
      ${vstore(
        add32(get('ptr'), get('k')),
        `(if (result v128) (i32.eq (local.get $op) ${i32(MATH_OPS.exp)}) (then (call $exp (local.get $x)))
        (else (if (result v128) (i32.eq (local.get $op) ${i32(MATH_OPS.log)}) (then (call $log (local.get $x)))
        (else (if (result v128) (i32.eq (local.get $op) ${i32(MATH_OPS.sigmoid)}) (then (call $sigmoid (local.get $x)))
        (else (if (result v128) (i32.eq (local.get $op) ${i32(MATH_OPS.tanh)}) (then (call $tanh (local.get $x)))
        (else (call $costLog (local.get $x))))))))))`,
      )}`,
    )})`;
}

export function kernelWat(precision: Precision, shape: KernelShape = DEFAULT_SHAPE, fma = false): string {
  const p = profileFor(precision, fma);
  const tiles: string[] = [];
  for (let T = 1; T <= shape.forwardTile; T++) tiles.push(forwardTile(p, T));
  for (let T = 1; T <= shape.backpropTile; T++) tiles.push(backpropTile(p, T));
  for (let T = 1; T <= shape.updateTile; T++) tiles.push(updateTile(p, T, true), updateTile(p, T, false));
  return `(module
  (import "env" "memory" (memory 1))
  ${profileHelpers(p)}
  ${mathFunctions(p)}
  ${tiles.join('\n')}
  ${passes(p, shape)}
)
`;
}
