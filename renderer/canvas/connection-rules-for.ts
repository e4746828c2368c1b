/** The connection rules for a connection being dragged: a moved edge keeps its own weights, which must fit the new ends. */
import type { NetworkDocument } from '../../engine/document';
import type { ConnectOptions } from '../graph/connect-rules';

export function rulesFor(doc: NetworkDocument, target: string, reconnecting: string | null, targetSize: number | undefined): ConnectOptions {
  const edge = reconnecting ? doc.edges.find((e) => e.id === reconnecting) : undefined;
  const toOutput = doc.nodes.find((n) => n.id === target)?.kind === 'output';
  const weights = edge?.weights && !toOutput ? { rows: edge.weights.length, cols: edge.weights[0]?.length ?? 0 } : undefined;
  return { ...(targetSize !== undefined ? { targetSize } : {}), ...(reconnecting ? { ignoreEdge: reconnecting } : {}), ...(weights ? { weights } : {}) };
}
