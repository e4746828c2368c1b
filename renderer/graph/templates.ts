/** Starting points for File > New: a blank canvas and a few common shapes. */
import { initialiseDocument, layeredNetwork } from '../../engine/build';
import { NETWORK_FORMAT, NETWORK_VERSION, type NetworkDocument } from '../../engine/document';
import { newProject, type Project } from '../../engine/project';

export function emptyDocument(): NetworkDocument {
  return { format: NETWORK_FORMAT, version: NETWORK_VERSION, nodes: [], edges: [] };
}

export interface Template {
  id: string;
  title: string;
  description: string;
  project(): Project;
}

const SEED = 1;

function withInputs(doc: NetworkDocument, labels: string[]): NetworkDocument {
  // layeredNetwork makes one Input of n features; separate scalar Inputs read better on a canvas.
  const input = doc.nodes.find((n) => n.kind === 'input');
  if (!input) return doc;
  const first = doc.edges.find((e) => e.source === input.id);
  if (!first || !first.weights) return doc;
  const inputs = labels.map((label, k) => ({ id: `x${k + 1}`, kind: 'input' as const, label, position: { x: 0, y: k * 90 }, size: 1 }));
  const edges = inputs.map((n, k) => ({ id: `${n.id}->${first.target}`, source: n.id, target: first.target, weights: first.weights?.map((row) => [row[k]]) }));
  return {
    ...doc,
    nodes: [...inputs, ...doc.nodes.filter((n) => n.id !== input.id)],
    edges: [...edges, ...doc.edges.filter((e) => e.id !== first.id)],
  };
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'blank',
    title: 'Blank canvas',
    description: 'Start from nothing and drag nodes from the palette.',
    project: () => newProject(emptyDocument(), 'Untitled'),
  },
  {
    id: 'function-1d',
    title: 'Fit a function of x',
    description: 'x → 8 sigmoid neurons → a linear output: the shape of chapter 4.',
    project: () => {
      const doc = layeredNetwork([1, 8, 1], { activation: 'sigmoid', outputActivation: 'linear', cost: 'quadratic' });
      return newProject(withInputs(initialiseDocument(doc, 'normal', SEED), ['x']), 'Fit a function of x', {
        dataset: { source: 'builtin', name: 'f1d' },
        view: { settings: { xRange: [0, 1], target: 'f1d' } },
      });
    },
  },
  {
    id: 'classifier-2d',
    title: 'Classify points in the plane',
    description: 'x, y → 6 tanh neurons → one sigmoid output.',
    project: () => {
      const doc = layeredNetwork([2, 6, 1], { activation: 'tanh', outputActivation: 'sigmoid', cost: 'crossEntropy' });
      return newProject(withInputs(initialiseDocument(doc, 'xavier', SEED), ['x', 'y']), 'Classify points', {
        dataset: { source: 'builtin', name: 'circle' },
        view: { settings: { xRange: [-6, 6], yRange: [-6, 6] } },
      });
    },
  },
  {
    id: 'digits',
    title: 'Digits 784-30-10',
    description: 'The book’s digit classifier: a 28×28 image, 30 hidden, 10 outputs.',
    project: () => {
      const doc = layeredNetwork([784, 30, 10], { cost: 'crossEntropy', image: { width: 28, height: 28 } });
      return newProject(initialiseDocument(doc, 'scaledNormal', SEED), 'Digits 784-30-10', { dataset: { source: 'builtin', name: 'digits' } });
    },
  },
];
