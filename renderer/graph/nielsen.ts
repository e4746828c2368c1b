/**
 * Nielsen's chapter 4 handles on a network: a sigmoid neuron with one input
 * is a step at s = -b/w of steepness w, and two such steps feeding the same
 * neuron with weights h and -h are a bump of height h.
 */
import { unitCount, type NetworkDocument, type NetworkEdge, type NeuronNode } from '../../engine/document';
import { EditError, setBias, setWeight } from './edit';

export interface StepView {
  neuron: NeuronNode;
  /** The one incoming edge, a 1x1 weight. */
  edge: NetworkEdge;
  w: number;
  /** -b/w; null when w = 0 (a flat line has no step). */
  s: number | null;
}

const stepCache = new WeakMap<NetworkDocument, Map<string, StepView>>();

/** Every neuron's step view, computed once per document in one pass over the edges. */
function stepViews(doc: NetworkDocument): Map<string, StepView> {
  let views = stepCache.get(doc);
  if (views) return views;
  views = new Map();
  const incoming = new Map<string, NetworkEdge[]>();
  for (const e of doc.edges) {
    const list = incoming.get(e.target);
    if (list) list.push(e);
    else incoming.set(e.target, [e]);
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const neuron of doc.nodes) {
    if (neuron.kind !== 'neuron' || neuron.activation !== 'sigmoid') continue;
    const edges = incoming.get(neuron.id);
    if (!edges || edges.length !== 1) continue;
    const edge = edges[0];
    const source = byId.get(edge.source);
    if (!source || unitCount(source) !== 1 || !edge.weights) continue;
    const w = edge.weights[0][0];
    views.set(neuron.id, { neuron, edge, w, s: w === 0 ? null : -neuron.bias / w });
  }
  stepCache.set(doc, views);
  return views;
}

/** The step view of a neuron: sigmoid, exactly one incoming scalar weight from a one-unit source. */
export function stepView(doc: NetworkDocument, neuronId: string): StepView | null {
  return stepViews(doc).get(neuronId) ?? null;
}

/** Sets the weight to w and the bias to -s w, so the step sits at s with steepness w. */
export function setStep(doc: NetworkDocument, neuronId: string, s: number, w: number): NetworkDocument {
  const view = stepView(doc, neuronId);
  if (!view) throw new EditError('The step view needs a sigmoid neuron with exactly one input.');
  if (!Number.isFinite(s) || !Number.isFinite(w)) throw new EditError('s and w must be finite numbers.');
  return setBias(setWeight(doc, view.edge.id, 0, 0, w), neuronId, 0, -s * w);
}

export interface BumpPair {
  /** The step that rises first (smaller s): its weight to the target is +h. */
  up: StepView;
  down: StepView;
  target: string;
  upEdge: NetworkEdge;
  downEdge: NetworkEdge;
  /** The current height: the up weight when the two weights are h and -h, else null. */
  h: number | null;
}

/**
 * Pairs of step neurons that read the same source and feed the same
 * neuron, each pair ordered by step point. `ids` limits the search to pairs
 * that contain one of them.
 */
export function bumpPairs(doc: NetworkDocument, ids: readonly string[]): BumpPair[] {
  const want = new Set(ids);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  // Outgoing weighted edges by source, then by target: pairs are found by lookup, not by scanning.
  const out = new Map<string, Map<string, NetworkEdge>>();
  for (const e of doc.edges) {
    if (!e.weights) continue;
    let m = out.get(e.source);
    if (!m) out.set(e.source, (m = new Map()));
    m.set(e.target, e);
  }
  const bySource = new Map<string, StepView[]>();
  for (const v of stepViews(doc).values()) {
    const list = bySource.get(v.edge.source);
    if (list) list.push(v);
    else bySource.set(v.edge.source, [v]);
  }
  const pairs: BumpPair[] = [];
  for (const steps of bySource.values()) {
    for (let i = 0; i < steps.length; i++) {
      for (let k = i + 1; k < steps.length; k++) {
        const a = steps[i];
        const b = steps[k];
        if (!want.has(a.neuron.id) && !want.has(b.neuron.id)) continue;
        if (want.size >= 2 && !(want.has(a.neuron.id) && want.has(b.neuron.id))) continue;
        const bOut = out.get(b.neuron.id);
        if (!bOut) continue;
        for (const [target, ea] of out.get(a.neuron.id) ?? []) {
          const eb = bOut.get(target);
          if (!eb || byId.get(target)?.kind !== 'neuron') continue;
          const aFirst = (a.s ?? 0) <= (b.s ?? 0);
          const [up, down, upEdge, downEdge] = aFirst ? [a, b, ea, eb] : [b, a, eb, ea];
          const wu = (upEdge.weights as number[][])[0][0];
          const wd = (downEdge.weights as number[][])[0][0];
          pairs.push({ up, down, target, upEdge, downEdge, h: wu === -wd ? wu : null });
        }
      }
    }
  }
  return pairs;
}

/**
 * Gives the pair weights h and -h. With `indicatorBias` the target's bias
 * becomes -h/2, the seed's sigma(h a1 - h a2 - h/2): about 1 between the
 * steps and 0 outside.
 */
export function setBumpHeight(doc: NetworkDocument, pair: BumpPair, h: number, indicatorBias: boolean): NetworkDocument {
  if (!Number.isFinite(h)) throw new EditError('h must be a finite number.');
  let out = setWeight(doc, pair.upEdge.id, 0, 0, h);
  out = setWeight(out, pair.downEdge.id, 0, 0, -h);
  return indicatorBias ? setBias(out, pair.target, 0, -h / 2) : out;
}
