/**
 * Auto-layout into layers with ELK's layered algorithm: inputs on the left,
 * the Output on the right, crossings kept few. ELK is large, so it is loaded
 * the first time a layout is asked for.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { NetworkDocument, NetworkNode, Position } from '../../engine/document';
import type { Size } from './flow-types';

/** The size a node is drawn at before the canvas has measured it. */
export function estimatedSize(node: NetworkNode): Size {
  switch (node.kind) {
    case 'input':
      return node.image ? { width: 156, height: 196 } : { width: 140, height: 48 };
    case 'neuron':
      return { width: 196, height: 50 };
    case 'layer':
      return { width: 212, height: 86 };
    case 'recurrent':
      return { width: 228, height: 116 };
    case 'output':
      return { width: 164, height: 72 };
  }
}

export const LAYOUT_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.spacing.nodeNode': '20',
  'elk.spacing.edgeNode': '16',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'SPLINES',
};

/** Room between layers: matrix edges carry a summary label that needs it. */
export function layerSpacing(doc: NetworkDocument): number {
  return doc.edges.some((e) => e.weights && (e.weights.length > 1 || (e.weights[0]?.length ?? 0) > 1)) ? 190 : 96;
}

export function elkGraph(doc: NetworkDocument, sizes: ReadonlyMap<string, Size>): ElkNode {
  return {
    id: 'root',
    layoutOptions: { ...LAYOUT_OPTIONS, 'elk.layered.spacing.nodeNodeBetweenLayers': String(layerSpacing(doc)) },
    children: doc.nodes.map((n) => {
      const size = sizes.get(n.id) ?? estimatedSize(n);
      return {
        id: n.id,
        width: size.width,
        height: size.height,
        // Inputs in the first layer, the Output in the last, whatever the edges say.
        ...(n.kind === 'input' ? { layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } } : {}),
        ...(n.kind === 'output' ? { layoutOptions: { 'elk.layered.layering.layerConstraint': 'LAST' } } : {}),
      };
    }),
    edges: doc.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

let elk: Promise<ELK> | null = null;

function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return elk;
}

/** New positions for every node, rounded to whole pixels. */
export async function layoutPositions(doc: NetworkDocument, sizes: ReadonlyMap<string, Size>): Promise<Map<string, Position>> {
  const result = await (await loadElk()).layout(elkGraph(doc, sizes));
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return positions;
}
