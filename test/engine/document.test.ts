import { describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../engine/build';
import { compile } from '../../engine/compile';
import { DocumentError, NETWORK_FORMAT, NETWORK_VERSION, validateNetwork, type NetworkDocument } from '../../engine/document';
import { loadNetwork } from '../../engine/migrate';
import { loadProject, newProject, parseJson, serialiseProject } from '../../engine/project';

function handWired(): NetworkDocument {
  return {
    format: NETWORK_FORMAT,
    version: NETWORK_VERSION,
    nodes: [
      { id: 'x', kind: 'input', label: 'x', position: { x: 0, y: 0 }, size: 1 },
      { id: 'h1', kind: 'neuron', label: 'h1', position: { x: 1, y: 0 }, activation: 'sigmoid', bias: -4000 },
      { id: 'h2', kind: 'neuron', label: 'h2', position: { x: 1, y: 1 }, activation: 'sigmoid', bias: -6000 },
      { id: 'o', kind: 'neuron', label: 'o', position: { x: 2, y: 0 }, activation: 'linear', bias: 0 },
      { id: 'out', kind: 'output', label: 'Output', position: { x: 3, y: 0 }, cost: 'quadratic' },
    ],
    edges: [
      { id: 'e1', source: 'x', target: 'h1', weights: [[10000]] },
      { id: 'e2', source: 'x', target: 'h2', weights: [[10000]] },
      { id: 'e3', source: 'h1', target: 'o', weights: [[0.8]] },
      { id: 'e4', source: 'h2', target: 'o', weights: [[-0.8]] },
      { id: 'e5', source: 'o', target: 'out' },
    ],
  };
}

function expectError(doc: unknown, pattern: RegExp, where?: { node?: string; edge?: string }): void {
  try {
    validateNetwork(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentError);
    expect((e as Error).message).toMatch(pattern);
    if (where) expect((e as DocumentError).where).toEqual(where);
    return;
  }
  throw new Error(`expected a DocumentError matching ${pattern}`);
}

describe('network document validation names the node or edge at fault', () => {
  it('accepts a hand-wired bump and a layered network', () => {
    expect(validateNetwork(handWired()).nodes).toHaveLength(5);
    expect(validateNetwork(layeredNetwork([784, 30, 10])).edges).toHaveLength(3);
  });

  it('refuses a cycle and names a node on it', () => {
    const doc = handWired();
    doc.edges.push({ id: 'back', source: 'o', target: 'h1', weights: [[1]] });
    expectError(doc, /node "(h1|o)": lies on a cycle/);
  });

  it('refuses a self loop', () => {
    const doc = handWired();
    doc.edges.push({ id: 'self', source: 'h1', target: 'h1', weights: [[1]] });
    expectError(doc, /edge "self": connects "h1" to itself/, { edge: 'self' });
  });

  it('refuses a dangling edge', () => {
    const doc = handWired();
    doc.edges.push({ id: 'dangle', source: 'ghost', target: 'o', weights: [[1]] });
    expectError(doc, /edge "dangle": source node "ghost" does not exist/, { edge: 'dangle' });
  });

  it('refuses a shape mismatch, naming the expected shape', () => {
    const doc = layeredNetwork([3, 4, 2]);
    const edge = doc.edges[0];
    edge.weights = [[1, 2, 3], [1, 2, 3], [1, 2, 3]];
    expectError(doc, /edge "input->hidden-1": weights must be 4x3/, { edge: 'input->hidden-1' });
    const ragged = layeredNetwork([3, 4, 2]);
    ragged.edges[0].weights = [[1, 2, 3], [1, 2], [1, 2, 3], [1, 2, 3]];
    expectError(ragged, /weights must be 4x3 .* got 4x2/);
  });

  it('refuses biases that do not match the layer size', () => {
    const doc = layeredNetwork([3, 4, 2]);
    const layer = doc.nodes[1];
    if (layer.kind === 'layer') layer.biases = [0, 0];
    expectError(doc, /node "hidden-1": layer of 4 units has 2 biases/);
  });

  it('refuses non-finite numbers and names the node', () => {
    const doc = handWired() as unknown as { nodes: { bias?: number }[] };
    doc.nodes[1].bias = NaN;
    expectError(doc, /node "h1" field bias: must be a finite number/, { node: 'h1' });
    const doc2 = handWired();
    (doc2.edges[2].weights as number[][])[0][0] = Infinity;
    expectError(doc2, /edge "e3" field weights/, { edge: 'e3' });
  });

  it('refuses an unknown activation', () => {
    const doc = handWired() as unknown as { nodes: { activation?: string }[] };
    doc.nodes[1].activation = 'swish';
    expectError(doc, /node "h1" field activation/, { node: 'h1' });
  });

  it('refuses duplicate ids, weights into an Output, edges out of an Output, inputs as targets', () => {
    const dup = handWired();
    dup.nodes.push({ ...dup.nodes[1] });
    expectError(dup, /node "h1": the id is used twice/);
    const w = handWired();
    w.edges[4].weights = [[1]];
    expectError(w, /edge "e5": an edge into an Output carries no weights/);
    const from = handWired();
    from.edges.push({ id: 'z', source: 'out', target: 'o', weights: [[1]] });
    expectError(from, /edge "z": an Output node cannot feed another node/);
    const into = handWired();
    into.edges.push({ id: 'q', source: 'h1', target: 'x', weights: [[1]] });
    expectError(into, /edge "q": an Input node cannot receive an edge/);
  });

  it('ignores __proto__ keys without polluting prototypes', () => {
    const text = JSON.stringify(handWired()).replace('"format"', '"__proto__":{"polluted":true},"format"');
    const doc = loadNetwork(parseJson(text, 'x.json'));
    expect(doc.nodes).toHaveLength(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('versions', () => {
  it('migrates a version 1 document (no canvas, output binding) to the current version', () => {
    const v1 = {
      format: NETWORK_FORMAT,
      version: 1,
      nodes: [
        { id: 'x', kind: 'input', size: 2 },
        { id: 'h', kind: 'layer', size: 2, activation: 'sigmoid', biases: [0.1, -0.1] },
      ],
      edges: [{ id: 'xh', source: 'x', target: 'h', weights: [[1, 2], [3, 4]] }],
      output: { from: ['h'], cost: 'crossEntropy' },
    };
    const doc = loadNetwork(v1);
    expect(doc.version).toBe(NETWORK_VERSION);
    const out = doc.nodes.find((n) => n.kind === 'output');
    expect(out).toMatchObject({ kind: 'output', cost: 'crossEntropy' });
    expect(doc.edges.some((e) => e.source === 'h' && e.target === out?.id)).toBe(true);
    const h = doc.nodes.find((n) => n.id === 'h');
    expect(h?.label).toBe('h');
    expect(h?.position.x).toBeGreaterThan(doc.nodes[0].position.x);
    expect(compile(doc).output?.size).toBe(2);
  });

  it('refuses a newer version with a message that says so', () => {
    const doc = { ...handWired(), version: 99 };
    expect(() => loadNetwork(doc)).toThrow(/version 99, made by a newer Neuroloom; this build reads versions up to 3/);
    const project = { ...JSON.parse(serialiseProject(newProject(handWired()))), version: 7 };
    expect(() => loadProject(project)).toThrow(/project is version 7, made by a newer Neuroloom/);
  });

  it('refuses things that are not documents', () => {
    expect(() => loadNetwork([])).toThrow(/expected a JSON object/);
    expect(() => loadNetwork({ format: 'other', version: 2 })).toThrow(/"format" should be "neuroloom-network"/);
    expect(() => parseJson('{"format": "neuroloom-net', 'broken.json')).toThrow(/broken.json: not valid JSON/);
    expect(() => parseJson('', 'empty.json')).toThrow(/empty.json: not valid JSON.*the file is empty/);
  });
});

describe('project files', () => {
  it('round-trips a project with dataset, hyperparameters, seed and view settings', () => {
    const project = newProject(handWired(), 'Bump', { dataset: { source: 'builtin', name: 'f1d' }, seed: 42, view: { panel: 'function' } });
    const again = loadProject(JSON.parse(serialiseProject(project)));
    expect(again).toEqual(project);
  });

  it('never writes a non-finite weight silently as null', () => {
    const project = newProject(handWired());
    (project.network.edges[0].weights as number[][])[0][0] = NaN;
    expect(() => serialiseProject(project)).toThrow(/cannot save: "0" is NaN/);
  });

  it('names the field at fault in a bad project', () => {
    const raw = JSON.parse(serialiseProject(newProject(handWired())));
    raw.hyperparameters.eta = -1;
    expect(() => loadProject(raw)).toThrow(/project hyperparameters.eta: must be positive/);
    const badNet = JSON.parse(serialiseProject(newProject(handWired())));
    badNet.network.edges[0].target = 'nowhere';
    expect(() => loadProject(badNet)).toThrow(/edge "e1": target node "nowhere" does not exist/);
  });
});
