/**
 * Fresh ids and labels for new nodes and edges. Ids are stable document keys
 * (undo, clipboard and probes refer to them), so a new one never reuses an id
 * that is still in the document.
 */
import type { NetworkDocument, NodeKind } from '../../engine/document';

/** `${prefix}-1`, `${prefix}-2`, ...: the first that is not taken. */
export function uniqueId(taken: ReadonlySet<string>, prefix: string): string {
  for (let i = 1; ; i++) {
    const id = `${prefix}-${i}`;
    if (!taken.has(id)) return id;
  }
}

export function takenIds(doc: NetworkDocument): Set<string> {
  const ids = new Set<string>();
  for (const n of doc.nodes) ids.add(n.id);
  for (const e of doc.edges) ids.add(e.id);
  return ids;
}

const LABEL_PREFIX: Record<NodeKind, (i: number) => string> = {
  input: (i) => `x${i}`,
  neuron: (i) => `n${i}`,
  layer: (i) => `Layer ${i}`,
  recurrent: (i) => `LSTM ${i}`,
  output: () => 'Output',
};

/** A label such as x3 or n5 that no node of the same kind uses yet. */
export function nextLabel(doc: NetworkDocument, kind: NodeKind): string {
  const used = new Set(doc.nodes.filter((n) => n.kind === kind).map((n) => n.label));
  for (let i = 1; ; i++) {
    const label = LABEL_PREFIX[kind](i);
    if (!used.has(label)) return label;
    if (kind === 'output') return label;
  }
}

/** An edge id that reads as the connection it is, made unique if needed. */
export function edgeId(taken: ReadonlySet<string>, source: string, target: string): string {
  const base = `${source}->${target}`;
  if (!taken.has(base)) return base;
  return uniqueId(taken, base);
}
