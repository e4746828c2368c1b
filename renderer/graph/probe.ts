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

const workspaces = new WeakMap<Plan, Workspace>();

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

export function runProbe(doc: NetworkDocument, inputs: ProbeInputs): ProbeResult {
  const c = compiled(doc);
  if (!c.plan) return { activations: new Map(), output: null, error: c.error };
  const plan = c.plan;
  const ws = workspaceFor(plan);
  forward(plan, ws, inputVector(doc, inputs));
  const activations = new Map<string, Float64Array>();
  for (const b of plan.blocks) activations.set(b.nodeId, Float64Array.from(ws.a.subarray(b.unitOffset, b.unitOffset + b.size)));
  const output = plan.output && plan.output.size > 0 ? Float64Array.from(ws.out) : null;
  if (plan.output) activations.set(plan.output.nodeId, output ?? new Float64Array(0));
  return { activations, output, error: null };
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
