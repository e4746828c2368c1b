/**
 * The three inner loops of a dense layer over a tile of T examples, written
 * out for each T so the tile's pointers and accumulators live in registers:
 *   forward   z_t = W a_t + b                    (T dot products share each W load)
 *   backprop  g_t = W^T delta_t                   (dC/da of the layer below)
 *   update    W' = decay W - sum_t (eta/m) delta_t a_t^T, fused, so the
 *             gradient is never stored: W' goes to the other parameter buffer,
 *             and the old W stays intact until the batch is known to be finite.
 * Rows of W, a, g are padded with zeros to a whole number of unrolled steps.
 * The loops walk pointers with constant offsets, so a load costs no address
 * arithmetic; W's rows are contiguous, so its pointer just runs on.
 */
import { get, horizontalSum, i32, multiplyAdd, op, set, vload, vstore, type Profile } from './profile';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const join = (parts: string[], indent = '\n          '): string => parts.join(indent);

/** Loads T row pointers from an i32 array in memory into locals name0..name{T-1}. */
function loadPointers(name: string, array: string, T: number): string {
  return join(
    range(T).map((t) => set(`${name}${t}`, `(i32.load offset=${4 * t} ${get(array)})`)),
    '\n    ',
  );
}

const locals = (name: string, T: number, type: string): string => range(T).map((t) => `(local $${name}${t} ${type})`).join(' ');
const bump = (name: string, bytes: number | string): string =>
  set(name, op('i32.add', get(name), typeof bytes === 'number' ? i32(bytes) : bytes));

/**
 * z_t[j] = sum_k W[j][k] a_t[k] + b[j] for j < nOut, t < T, `rows` rows of W
 * at a time (then the remaining rows one by one): each loaded vector of W
 * serves T examples and each of a_t `rows` rows. Two rows by two examples
 * measured fastest: V8 spills larger blocks of accumulators to the stack.
 */
export function forwardTile(p: Profile, T: number, rows = 2): string {
  return `
  (func $forward${T} (param $w i32) (param $b i32) (param $nOut i32) (param $pInBytes i32) (param $in i32) (param $out i32)
    ${locals('p', T, 'i32')} ${locals('w', rows, 'i32')}
    ${range(T)
      .flatMap((t) => range(rows).map((r) => `(local $acc${t}_${r} v128)`))
      .join(' ')}
    ${range(rows).flatMap((r) => range(p.unroll).map((u) => `(local $wv${r}_${u} v128)`)).join(' ')} ${locals('xv', p.unroll, 'v128')} (local $rowEnd i32) (local $jb i32) (local $end i32)
    (local.set $end (i32.mul (local.get $nOut) (i32.const ${p.es})))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $jb) (i32.const ${p.es * (rows - 1)})) (i32.sub (local.get $end) (i32.const ${p.es}))))
        ${forwardRows(p, T, rows)}
        (br $pairs)))
    ${range(rows - 1)
      .map(() => `(if (i32.lt_u (local.get $jb) (local.get $end)) (then ${forwardRows(p, T, 1)}))`)
      .join('\n    ')})`;
}

/** R rows of W starting at row jb / es against the T examples; advances w and jb past them. */
function forwardRows(p: Profile, T: number, R: number): string {
  const v = p.v;
  const U = p.unroll;
  const acc = (t: number, r: number): string => `acc${t}_${r}`;
  const wv = (r: number, u: number): string => `wv${r}_${u}`;
  const xv = (u: number): string => `xv${u}`;
  // The unrolled steps' products are summed before they join the
  // accumulator, so each accumulator's chain of dependent adds grows by one
  // per iteration, not by `unroll`: the adds' latency, not their count, was
  // the limit.
  const sumOfSteps = (r: number): string =>
    range(U - 1).reduce(
      (sum, u) => multiplyAdd(p, get(wv(r, u + 1)), get(xv(u + 1)), sum),
      op(`${v}.mul`, get(wv(r, 0)), get(xv(0))),
    );
  const body = [
    ...range(R).flatMap((r) => range(U).map((u) => set(wv(r, u), vload(get(`w${r}`), 16 * u)))),
    ...range(T).flatMap((t) => [
      ...range(U).map((u) => set(xv(u), vload(get(`p${t}`), 16 * u))),
      ...range(R).map((r) => set(acc(t, r), op(`${v}.add`, get(acc(t, r)), sumOfSteps(r)))),
    ]),
  ];
  // Row pointers are reloaded from memory per row group rather than held in
  // registers: only the walking pointers and accumulators stay live in the loop.
  const stores = range(T).flatMap((t) =>
    range(R).map(
      (r) =>
        `(${p.s}.store offset=${r * p.es} ${op('i32.add', `(i32.load offset=${4 * t} ${get('out')})`, get('jb'))} (${p.s}.add ${horizontalSum(p, get(acc(t, r)))} (${p.s}.load offset=${r * p.es} ${op('i32.add', get('b'), get('jb'))})))`,
    ),
  );
  return `
        ${join(range(T).flatMap((t) => range(R).map((r) => set(acc(t, r), '(v128.const i64x2 0 0)'))), ' ')}
        ${loadPointers('p', 'in', T)}
        ${join(range(R).map((r) => set(`w${r}`, r === 0 ? get('w') : op('i32.add', get('w'), op('i32.mul', get('pInBytes'), i32(r))))), ' ')}
        (local.set $rowEnd (i32.add (local.get $w) (local.get $pInBytes)))
        (loop $col
          ${join(body)}
          ${join(range(R).map((r) => bump(`w${r}`, 16 * U)), ' ')} ${join(range(T).map((t) => bump(`p${t}`, 16 * U)), ' ')}
          (br_if $col (i32.lt_u (local.get $w0) (local.get $rowEnd))))
        ${join(stores, '\n        ')}
        (local.set $w (i32.add (local.get $w) (i32.mul (local.get $pInBytes) (i32.const ${R}))))
        ${bump('jb', p.es * R)}`;
}

/** g_t[k] = sum_j W[j][k] delta_t[j], j in order (the JS kernel's order). */
export function backpropTile(p: Profile, T: number): string {
  const v = p.v;
  const U = p.unroll;
  const body = range(U).map((u) =>
    join([
      set('wv', vload(get('w'), 16 * u)),
      ...range(T).map((t) =>
        vstore(get(`q${t}`), multiplyAdd(p, get('wv'), get(`s${t}`), vload(get(`q${t}`), 16 * u)), 16 * u),
      ),
    ]),
  );
  return `
  (func $backprop${T} (param $w i32) (param $nOut i32) (param $pInBytes i32) (param $g i32) (param $out i32)
    ${locals('d', T, 'i32')} ${locals('o', T, 'i32')} ${locals('q', T, 'i32')} ${locals('s', T, 'v128')}
    (local $wv v128) (local $rowEnd i32) (local $jb i32) (local $end i32) (local $k i32)
    ${loadPointers('d', 'g', T)}
    ${loadPointers('o', 'out', T)}
    (loop $clear
      ${join(range(T).map((t) => vstore(op('i32.add', get(`o${t}`), get('k')), '(v128.const i64x2 0 0)')), ' ')}
      ${bump('k', 16)}
      (br_if $clear (i32.lt_u (local.get $k) (local.get $pInBytes))))
    (local.set $end (i32.mul (local.get $nOut) (i32.const ${p.es})))
    (loop $row
      ${join(
        range(T).map((t) => set(`s${t}`, op(`${v}.splat`, `(${p.s}.load ${op('i32.add', get(`d${t}`), get('jb'))})`))),
        '\n      ',
      )}
      ${join(range(T).map((t) => set(`q${t}`, get(`o${t}`))), ' ')}
      (local.set $rowEnd (i32.add (local.get $w) (local.get $pInBytes)))
      (loop $col
          ${join(body)}
        ${bump('w', 16 * U)} ${join(range(T).map((t) => bump(`q${t}`, 16 * U)), ' ')}
        (br_if $col (i32.lt_u (local.get $w) (local.get $rowEnd))))
      ${bump('jb', p.es)}
      (br_if $row (i32.lt_u (local.get $jb) (local.get $end)))))`;
}

/**
 * W'[j] = decay W[j] + sum_t s_t a_t with s_t = -(eta/m) delta_t[j] on the
 * first tile of a batch; later tiles add onto W'. Returns chk plus the sum of
 * the new weights, which is finite exactly when they all are (barring sums
 * beyond the float range, which count as divergence too).
 */
export function updateTile(p: Profile, T: number, first: boolean): string {
  const v = p.v;
  const U = p.unroll;
  const body = range(U).map((u) => {
    let acc = first ? op(`${v}.mul`, vload(get('wOld'), 16 * u), get('decay')) : vload(get('wNew'), 16 * u);
    for (let t = 0; t < T; t++) acc = multiplyAdd(p, get(`s${t}`), vload(get(`p${t}`), 16 * u), acc);
    return join([set('acc', acc), vstore(get('wNew'), get('acc'), 16 * u), set('chk', op(`${v}.add`, get('chk'), get('acc')))]);
  });
  return `
  (func $update${T}${first ? 'first' : 'more'} (param $wOld i32) (param $wNew i32) (param $nOut i32) (param $pInBytes i32)
    (param $in i32) (param $g i32) (param $scale ${p.s}) (param $decay v128) (param $chk v128) (result v128)
    ${locals('x', T, 'i32')} ${locals('p', T, 'i32')} ${locals('d', T, 'i32')} ${locals('s', T, 'v128')}
    (local $acc v128) (local $rowEnd i32) (local $jb i32) (local $end i32)
    ${loadPointers('x', 'in', T)}
    ${loadPointers('d', 'g', T)}
    (local.set $end (i32.mul (local.get $nOut) (i32.const ${p.es})))
    (loop $row
      ${join(
        range(T).map((t) =>
          set(`s${t}`, op(`${v}.splat`, `(${p.s}.mul (${p.s}.load ${op('i32.add', get(`d${t}`), get('jb'))}) ${get('scale')})`)),
        ),
        '\n      ',
      )}
      ${join(range(T).map((t) => set(`p${t}`, get(`x${t}`))), ' ')}
      (local.set $rowEnd (i32.add (local.get $wNew) (local.get $pInBytes)))
      (loop $col
          ${join(body)}
        ${first ? bump('wOld', 16 * U) : ''} ${bump('wNew', 16 * U)} ${join(range(T).map((t) => bump(`p${t}`, 16 * U)), ' ')}
        (br_if $col (i32.lt_u (local.get $wNew) (local.get $rowEnd))))
      ${bump('jb', p.es)}
      (br_if $row (i32.lt_u (local.get $jb) (local.get $end))))
    (local.get $chk))`;
}

/**
 * Calls name{T}(args) for T = count, 1 <= count <= max, as a chain of ifs
 * (the tile size is only known at run time: the last tile of a batch is short).
 */
export function dispatch(name: string, max: number, count: string, args: string, result = false): string {
  let code = `(call $${name.replace('#', String(1))} ${args})`;
  for (let T = 2; T <= max; T++) {
    code = `(if ${result ? '(result v128) ' : ''}(i32.eq ${count} ${i32(T)}) (then (call $${name.replace('#', String(T))} ${args})) (else ${code}))`;
  }
  return code;
}
