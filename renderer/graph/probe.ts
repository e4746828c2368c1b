/**
 * The live probe: run the document on one chosen input and read every
 * node's activations. compile() is pure and fast, so the probe reruns on
 * every edit; the plan is cached per document object so the probe and the
 * views share one compile per edit.
 */
import { compile, type Plan } from '../../engine/compile';
import type { NetworkDocument } from '../../engine/document';
import { forward } from '../../engine/forward';
import { createWorkspace, type Workspace } from '../../engine/workspace';

export type Compiled = { plan: Plan; error: null } | { plan: null; error: string };

const cache = new WeakMap<NetworkDocument, Compiled>();
const workspaces = new WeakMap<Plan, Workspace>();

export function compiled(doc: NetworkDocument): Compiled {
  let c = cache.get(doc);
  if (!c) {
    try {
      c = { plan: compile(doc), error: null };
    } catch (e) {
      c = { plan: null, error: (e as Error).message };
    }
    cache.set(doc, c);
  }
  return c;
}

/**
 * Tells the cache the plan of a document that was made from a plan (training
 * writing new weights into the same structure), so it is not compiled again.
 */
export function rememberCompiled(doc: NetworkDocument, plan: Plan): void {
  cache.set(doc, { plan, error: null });
}

/**
 * The plan of `after`, an edit of `before`. When the edit only changed
 * weight or bias values (a slider drag) and `before` compiled, its plan is
 * copied with the new values written into its parameters: the same plan
 * compile() would make, without validating and laying out the whole
 * network again on every step of the drag. Anything else compiles.
 */
export function compiledAfter(before: NetworkDocument, after: NetworkDocument): Compiled {
  const known = cache.get(after);
  if (known) return known;
  const old = cache.get(before);
  const patched = old?.plan ? patchValues(old.plan, before, after) : null;
  if (!patched) return compiled(after);
  const c: Compiled = { plan: patched, error: null };
  cache.set(after, c);
  // Same layout, same buffer sizes: the workspace carries over too.
  workspaces.set(patched, workspaceFor(old?.plan as Plan));
  return c;
}

const finiteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The plan with `after`'s values, or null when `after` differs from `before` in more than weight and bias values. */
function patchValues(plan: Plan, before: NetworkDocument, after: NetworkDocument): Plan | null {
  if (before.nodes.length !== after.nodes.length || before.edges.length !== after.edges.length) return null;
  if (before.format !== after.format || before.version !== after.version) return null;
  const changedNodes: NetworkDocument['nodes'] = [];
  for (let i = 0; i < after.nodes.length; i++) {
    const x = before.nodes[i];
    const y = after.nodes[i];
    if (x === y) continue;
    if (x.id !== y.id || x.kind !== y.kind || x.position !== y.position || x.label !== y.label) return null;
    if (x.kind === 'neuron' && y.kind === 'neuron') {
      if (x.activation !== y.activation || x.frozen !== y.frozen || !finiteNumber(y.bias) || Object.keys(x).length !== Object.keys(y).length) return null;
    } else if (x.kind === 'layer' && y.kind === 'layer') {
      if (x.activation !== y.activation || x.frozen !== y.frozen || x.size !== y.size || Object.keys(x).length !== Object.keys(y).length) return null;
      if (y.biases.length !== x.biases.length || !y.biases.every(finiteNumber)) return null;
    } else return null;
    changedNodes.push(y);
  }
  const changedEdges: NetworkDocument['edges'] = [];
  if (before.edges !== after.edges) {
    for (let i = 0; i < after.edges.length; i++) {
      const e = before.edges[i];
      const f = after.edges[i];
      if (e === f) continue;
      if (e.id !== f.id || e.source !== f.source || e.target !== f.target || e.frozen !== f.frozen || Object.keys(e).length !== Object.keys(f).length) return null;
      if (!e.weights || !f.weights || e.weights.length !== f.weights.length) return null;
      for (let j = 0; j < f.weights.length; j++) if (f.weights[j].length !== e.weights[j].length || !f.weights[j].every(finiteNumber)) return null;
      changedEdges.push(f);
    }
  }
  const params = plan.params.slice();
  const blockOf = new Map(plan.blocks.map((b) => [b.nodeId, b]));
  for (const n of changedNodes) {
    const b = blockOf.get(n.id);
    if (!b || b.biasOffset < 0) return null;
    if (n.kind === 'neuron') params[b.biasOffset] = n.bias;
    else if (n.kind === 'layer') params.set(n.biases, b.biasOffset);
  }
  for (const e of changedEdges) {
    const b = blockOf.get(e.target);
    const input = b?.inputs.find((i) => i.edgeId === e.id);
    if (!b || !input) return null;
    const cols = plan.blocks[input.source].size;
    (e.weights as number[][]).forEach((row, j) => params.set(row, input.weightOffset + j * cols));
  }
  return { ...plan, params, source: after };
}


/** One workspace per plan, reused by every caller on the main thread. */
export function workspaceFor(plan: Plan): Workspace {
  let ws = workspaces.get(plan);
  if (!ws) {
    ws = createWorkspace(plan);
    workspaces.set(plan, ws);
  }
  return ws;
}

/** Values chosen for each Input node, by node id. */
export type ProbeInputs = Readonly<Record<string, readonly number[]>>;

/** A scalar input starts in the middle of [0, 1], where most of the lessons' functions live. */
export const DEFAULT_SCALAR_INPUT = 0.5;

/** The input vector x: each Input's values in document order (compile's order), defaults where unset. */
export function inputVector(doc: NetworkDocument, inputs: ProbeInputs): Float64Array {
  const sizes = doc.nodes.filter((n) => n.kind === 'input');
  const x = new Float64Array(sizes.reduce((s, n) => s + (n.kind === 'input' ? n.size : 0), 0));
  let at = 0;
  for (const n of sizes) {
    if (n.kind !== 'input') continue;
    const given = inputs[n.id];
    for (let k = 0; k < n.size; k++) {
      const v = given?.[k];
      x[at + k] = v !== undefined && Number.isFinite(v) ? v : n.size === 1 ? DEFAULT_SCALAR_INPUT : 0;
    }
    at += n.size;
  }
  return x;
}

export interface ProbeResult {
  /** Activations of every computing node and of every input, by node id. */
  activations: ReadonlyMap<string, Float64Array>;
  /** The Output node's vector, when it reads any units. */
  output: Float64Array | null;
  /** Why the network cannot be run (a document error), else null. */
  error: string | null;
}

export const EMPTY_PROBE: ProbeResult = { activations: new Map(), output: null, error: null };

/** `previous` (the last result) lends its arrays wherever the values are unchanged. */
export function runProbe(doc: NetworkDocument, inputs: ProbeInputs, previous?: ProbeResult): ProbeResult {
  const c = compiled(doc);
  if (!c.plan) return { activations: new Map(), output: null, error: c.error };
  const plan = c.plan;
  const ws = workspaceFor(plan);
  forward(plan, ws, inputVector(doc, inputs));
  const activations = new Map<string, Float64Array>();
  // The same array for the same values: a node whose activations did not change is not drawn again.
  const keep = (id: string, values: ArrayLike<number>): Float64Array => {
    const old = previous?.activations.get(id);
    return old && sameValues(old, values) ? old : Float64Array.from(values);
  };
  for (const b of plan.blocks) activations.set(b.nodeId, keep(b.nodeId, ws.a.subarray(b.unitOffset, b.unitOffset + b.size)));
  const output = plan.output && plan.output.size > 0 ? keep(plan.output.nodeId, ws.out) : null;
  if (plan.output) activations.set(plan.output.nodeId, output ?? new Float64Array(0));
  return { activations, output, error: null };
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * True when two documents compute the same thing: only positions or labels
 * differ. Dragging a node then does not rerun the probe.
 */
export function sameComputation(a: NetworkDocument, b: NetworkDocument): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (x.id !== y.id || x.kind !== y.kind) return false;
    const { position: _p1, label: _l1, ...rx } = x;
    const { position: _p2, label: _l2, ...ry } = y;
    void _p1;
    void _l1;
    void _p2;
    void _l2;
    const kx = Object.keys(rx) as (keyof typeof rx)[];
    if (kx.length !== Object.keys(ry).length) return false;
    for (const k of kx) if (rx[k] !== ry[k as keyof typeof ry]) return false;
  }
  return true;
}
