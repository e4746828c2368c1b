/**
 * Writing a document as the book's network2.py JSON. network2.py can only
 * hold one chain Input -> sigmoid layer -> ... -> sigmoid layer -> Output
 * with the quadratic or cross-entropy cost, so anything else is refused with
 * the reason. A Neuron counts as a layer of one unit.
 */
import { DocumentError, validateNetwork, type NetworkDocument, type NetworkEdge, type NetworkNode } from '../document';
import { network2CostName, type Network2Json } from './network2-types';

/** The document as network2.py's JSON object; throws a DocumentError saying why it cannot be. */
export function exportNetwork2(raw: NetworkDocument): Network2Json {
  const doc = validateNetwork(raw);
  const fail: (reason: string) => never = (reason) => {
    throw new DocumentError(`cannot export to network2.py JSON: ${reason}`);
  };
  const inputs = doc.nodes.filter((n) => n.kind === 'input');
  if (inputs.length === 0) fail('the network has no Input node');
  if (inputs.length > 1) fail(`network2.py takes one input vector, but this network has ${inputs.length} Input nodes (${quoteIds(inputs)})`);
  const output = doc.nodes.find((n) => n.kind === 'output');
  if (!output) fail('the network has no Output node, so it has no cost to save');
  const cost = network2CostName(output.cost);
  if (cost === null) {
    fail(`the Output uses the ${output.cost === 'logLikelihood' ? 'log-likelihood' : output.cost} cost; network2.py only has QuadraticCost and CrossEntropyCost`);
  }

  const outgoing = groupEdges(doc.edges, 'source');
  const incoming = groupEdges(doc.edges, 'target');
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const input = inputs[0];
  const sizes = [input.size];
  const weights: number[][][] = [];
  const biases: number[][][] = [];
  const onChain = new Set<string>([input.id]);
  let current: NetworkNode = input;
  for (;;) {
    const out = outgoing.get(current.id) ?? [];
    if (out.length === 0) fail(`"${current.id}" does not lead to the Output; network2.py needs one chain from Input to Output`);
    if (out.length > 1) fail(branchReason(current.id, out, outgoing));
    const edge = out[0];
    const next = byId.get(edge.target) as NetworkNode;
    const into = incoming.get(next.id) ?? [];
    if (into.length > 1) {
      const other = into.find((e) => e.source !== current.id) as NetworkEdge;
      fail(
        next.kind === 'output'
          ? `the Output is fed by ${into.length} nodes (${into.map((e) => `"${e.source}"`).join(', ')}); network2.py's output is a single layer`
          : `"${next.id}" also takes input from "${other.source}"; in network2.py each layer takes input only from the layer before`,
      );
    }
    if (next.kind === 'output') break;
    if (next.kind === 'input') fail(`"${next.id}" is an Input node inside the chain`);
    if (next.kind === 'recurrent') fail(`"${next.id}" is a recurrent layer; network2.py has only feed-forward layers`);
    if (next.activation !== 'sigmoid') fail(`"${next.id}" uses ${next.activation}; network2.py only has sigmoid neurons`);
    onChain.add(next.id);
    sizes.push(next.kind === 'layer' ? next.size : 1);
    weights.push((edge.weights ?? []).map((row) => row.slice()));
    biases.push((next.kind === 'layer' ? next.biases : [next.bias]).map((b) => [b]));
    current = next;
  }
  onChain.add(output.id);
  const stray = doc.nodes.find((n) => !onChain.has(n.id));
  if (stray) fail(`"${stray.id}" is not on the chain from Input to Output; network2.py cannot hold it`);
  return { sizes, weights, biases, cost };
}

/** The JSON text network2.py's load() reads (compact, like json.dump). */
export function exportNetwork2Text(doc: NetworkDocument): string {
  return JSON.stringify(exportNetwork2(doc));
}

function groupEdges(edges: NetworkEdge[], by: 'source' | 'target'): Map<string, NetworkEdge[]> {
  const groups = new Map<string, NetworkEdge[]>();
  for (const e of edges) {
    const list = groups.get(e[by]);
    if (list) list.push(e);
    else groups.set(e[by], [e]);
  }
  return groups;
}

/** Why a node with several outgoing edges breaks the chain: a skip connection if one target lies beyond another. */
function branchReason(from: string, out: NetworkEdge[], outgoing: Map<string, NetworkEdge[]>): string {
  for (const far of out) {
    for (const near of out) {
      if (near !== far && reaches(near.target, far.target, outgoing)) {
        return `skip connection from "${from}" to "${far.target}"; network2.py connects each layer only to the next`;
      }
    }
  }
  return `"${from}" feeds ${out.length} branches (${out.map((e) => `"${e.target}"`).join(', ')}); network2.py layers form a single chain`;
}

function reaches(start: string, goal: string, outgoing: Map<string, NetworkEdge[]>): boolean {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === goal) return true;
    for (const e of outgoing.get(id) ?? []) {
      if (!seen.has(e.target)) {
        seen.add(e.target);
        stack.push(e.target);
      }
    }
  }
  return false;
}

function quoteIds(nodes: NetworkNode[]): string {
  return nodes.map((n) => `"${n.id}"`).join(', ');
}
