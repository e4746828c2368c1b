/**
 * Copy and paste: a fragment is the selected nodes with the edges among
 * them, pasted with fresh ids so it never collides with what is there.
 */
import type { NetworkDocument, NetworkEdge, NetworkNode, Position } from '../../engine/document';
import { edgeId, takenIds, uniqueId } from './ids';

export interface Fragment {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export function copyFragment(doc: NetworkDocument, nodeIds: Iterable<string>): Fragment {
  const ids = new Set(nodeIds);
  return {
    nodes: doc.nodes.filter((n) => ids.has(n.id)),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

export interface PasteResult {
  doc: NetworkDocument;
  nodeIds: string[];
  edgeIds: string[];
  /** What was left out and why (a second Output). */
  skipped: string | null;
}

export function pasteFragment(doc: NetworkDocument, fragment: Fragment, offset: Position): PasteResult {
  const taken = takenIds(doc);
  const hasOutput = doc.nodes.some((n) => n.kind === 'output');
  const rename = new Map<string, string>();
  const nodes: NetworkNode[] = [];
  let skipped: string | null = null;
  for (const node of fragment.nodes) {
    if (node.kind === 'output' && (hasOutput || nodes.some((n) => n.kind === 'output'))) {
      skipped = 'The Output was not pasted: a network has only one.';
      continue;
    }
    const id = uniqueId(taken, node.kind);
    taken.add(id);
    rename.set(node.id, id);
    nodes.push({ ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } });
  }
  const edges: NetworkEdge[] = [];
  for (const edge of fragment.edges) {
    const source = rename.get(edge.source);
    const target = rename.get(edge.target);
    if (!source || !target) continue;
    const id = edgeId(taken, source, target);
    taken.add(id);
    edges.push({ ...edge, id, source, target, ...(edge.weights ? { weights: edge.weights.map((r) => r.slice()) } : {}) });
  }
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
    edgeIds: edges.map((e) => e.id),
    skipped,
  };
}
