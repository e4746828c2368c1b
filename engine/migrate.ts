/**
 * Loading a network document of any version this build knows.
 *
 * Version 1 (the first CLI drafts) had no canvas: nodes carried no label or
 * position, and the output was a binding `output: { from: [ids], cost }`
 * rather than an Output node. Version 2 draws every node, so migration adds
 * labels, lays nodes out in columns by depth, and turns the binding into an
 * Output node with edges.
 */
import { DocumentError, NETWORK_FORMAT, NETWORK_VERSION, topologicalOrder, validateNetwork, type NetworkDocument } from './document';

type Json = Record<string, unknown>;
type Migration = (doc: Json) => Json;

const migrations: Record<number, Migration> = {
  1: migrateV1toV2,
  // Version 3 added the recurrent node; every version-2 document is a version-3 one.
  2: (doc) => ({ ...doc, version: 3 }),
};

export function loadNetwork(raw: unknown): NetworkDocument {
  return validateNetwork(migrateNetwork(raw));
}

export function migrateNetwork(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DocumentError('not a network document: expected a JSON object');
  }
  let doc = raw as Json;
  if (doc.format !== NETWORK_FORMAT) {
    throw new DocumentError(`not a network document: "format" should be "${NETWORK_FORMAT}"`);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DocumentError('network document has no valid "version"');
  }
  if (version > NETWORK_VERSION) {
    throw new DocumentError(
      `this network document is version ${version}, made by a newer Neuroloom; this build reads versions up to ${NETWORK_VERSION}. Update Neuroloom to open it.`,
    );
  }
  for (let v = version; v < NETWORK_VERSION; v++) doc = migrations[v](doc);
  return doc;
}

function migrateV1toV2(doc: Json): Json {
  const nodes = Array.isArray(doc.nodes) ? (doc.nodes as Json[]) : [];
  const edges = Array.isArray(doc.edges) ? (doc.edges as Json[]) : [];
  const output = (doc.output ?? null) as { from?: unknown; cost?: unknown } | null;
  const newNodes: Json[] = nodes.map((n) => ({ ...n, label: typeof n.label === 'string' ? n.label : String(n.id) }));
  const newEdges: Json[] = [...edges];
  if (output && Array.isArray(output.from)) {
    let outId = 'output';
    while (newNodes.some((n) => n.id === outId)) outId += '_';
    newNodes.push({ id: outId, kind: 'output', label: 'Output', cost: output.cost });
    for (const from of output.from) newEdges.push({ id: `${String(from)}->${outId}`, source: from, target: outId });
  }
  const depth = depths(newNodes, newEdges);
  const rowInColumn = new Map<number, number>();
  for (const n of newNodes) {
    if (n.position !== undefined) continue;
    const d = depth.get(String(n.id)) ?? 0;
    const row = rowInColumn.get(d) ?? 0;
    rowInColumn.set(d, row + 1);
    n.position = { x: d * 240, y: row * 120 };
  }
  const { output: _dropped, ...rest } = doc;
  void _dropped;
  return { ...rest, version: 2, nodes: newNodes, edges: newEdges };
}

/** Longest path from a source, for laying out columns. */
function depths(nodes: Json[], edges: Json[]): Map<string, number> {
  const simple = {
    nodes: nodes.map((n) => ({ id: String(n.id) })),
    edges: edges.map((e) => ({ source: String(e.source), target: String(e.target) })),
  };
  const depth = new Map<string, number>();
  for (const id of topologicalOrder(simple as Parameters<typeof topologicalOrder>[0])) {
    const d = depth.get(id) ?? 0;
    depth.set(id, d);
    for (const e of simple.edges) if (e.source === id) depth.set(e.target, Math.max(depth.get(e.target) ?? 0, d + 1));
  }
  return depth;
}
