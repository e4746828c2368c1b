/**
 * Which connections the canvas accepts, and the reason it gives for the ones
 * it refuses. The document rules (engine/document.ts) say what a valid network
 * is; these say it to a user at the moment they drag a connection, in words
 * that name the nodes involved.
 */
import { incomingRows, unitCount, type NetworkDocument, type NetworkNode } from '../../engine/document';

export type Verdict = { ok: true } | { ok: false; reason: string };

export interface ConnectOptions {
  /** An edge being moved (reconnected): it is left out of the checks. */
  ignoreEdge?: string;
  /** The weights the edge will carry, when they exist already (a reconnected edge). */
  weights?: { rows: number; cols: number };
  /** Number of targets in the project's dataset: the Output may not read more units than that. */
  targetSize?: number;
}

const ok: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

function name(node: NetworkNode): string {
  return `“${node.label || node.id}”`;
}

export function canConnect(doc: NetworkDocument, sourceId: string, targetId: string, options: ConnectOptions = {}): Verdict {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const source = byId.get(sourceId);
  const target = byId.get(targetId);
  if (!source || !target) return no('One end of this connection is no longer on the canvas.');
  if (source.id === target.id) return no(`${name(source)} cannot feed itself: that would be a cycle.`);
  if (source.kind === 'output') return no('The Output only collects results: it has no outgoing connections.');
  if (target.kind === 'input') return no(`${name(target)} is an Input: it receives data, not connections.`);
  if (target.kind === 'output' && source.kind === 'input') {
    return no('The Output must read neurons or layers, not an Input directly. Put a neuron in between.');
  }
  if (target.kind === 'recurrent' && source.kind !== 'input') {
    return no(`${name(target)} reads a sequence, one step at a time, from an Input node; ${name(source)} is not an Input.`);
  }
  if (source.kind === 'recurrent' && target.kind !== 'layer') {
    return no(`${name(source)} feeds a Layer, its readout, which turns each step's memory into outputs. Put a Layer between it and ${name(target)}.`);
  }
  const edges = doc.edges.filter((e) => e.id !== options.ignoreEdge);
  if (target.kind === 'recurrent' && edges.some((e) => e.target === target.id)) {
    return no(`${name(target)} already reads an Input: a recurrent layer reads one sequence.`);
  }
  if (edges.some((e) => e.source === source.id && e.target === target.id)) {
    return no(`${name(source)} already feeds ${name(target)}.`);
  }
  const path = findPath(edges, target.id, source.id);
  if (path) {
    const labels = path.map((id) => name(byId.get(id) as NetworkNode)).join(' → ');
    return no(`That would make a cycle: ${labels} already, so ${name(source)} cannot also feed ${name(target)}.`);
  }
  if (target.kind === 'output') {
    const already = edges.filter((e) => e.target === target.id).reduce((s, e) => s + unitCount(byId.get(e.source) as NetworkNode), 0);
    const total = already + unitCount(source);
    if (options.targetSize !== undefined && total > options.targetSize) {
      return no(
        `The dataset has ${plural(options.targetSize, 'target')} per example, but the Output would read ${plural(total, 'unit')}. Connect ${options.targetSize === 1 ? 'one neuron' : `${options.targetSize} units`} to the Output.`,
      );
    }
    return ok;
  }
  if (options.weights) {
    const rows = incomingRows(target);
    const cols = unitCount(source);
    if (options.weights.rows !== rows || options.weights.cols !== cols) {
      return no(
        `Shapes do not match: this edge carries ${options.weights.rows}×${options.weights.cols} weights, but ${name(source)} → ${name(target)} needs ${rows}×${cols} (target units × source units).`,
      );
    }
  }
  return ok;
}

/** A path of node ids from `from` to `to` along edges, or null. */
export function findPath(edges: readonly { source: string; target: string }[], from: string, to: string): string[] | null {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (id === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(previous.get(path[0]) as string);
      return path;
    }
    for (const next of out.get(id) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, id);
        queue.push(next);
      }
    }
  }
  return null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
