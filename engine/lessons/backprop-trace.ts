/**
 * Lesson 5 (chapter 2): backpropagation for one example, every number shown.
 * backpropTrace runs the engine's forward pass and its equations 2.9 on one
 * example and hands back z, a and delta of every unit and dC/dw of every
 * weight, for the backprop view to print beside the canvas.
 */
import { backward } from '../backward';
import type { Plan } from '../compile';
import type { CostName } from '../costs';
import type { NetworkDocument } from '../document';
import { forward } from '../forward';
import { createWorkspace } from '../workspace';
import { defineLesson, numberParameter } from './define';
import { NetworkBuilder } from './graph';

export interface NodeTrace {
  nodeId: string;
  /** Weighted input z of each unit (for an input node: the input itself). */
  z: number[];
  /** Activation a of each unit. */
  a: number[];
  /** delta = dC/dz of each unit, which is also dC/db; null for input nodes, which have no bias. */
  delta: number[] | null;
}

export interface EdgeTrace {
  edgeId: string;
  source: string;
  target: string;
  /** The weights, rows = target units, columns = source units. */
  weights: number[][];
  /** dC/dw_jk = a_k delta_j, same shape as weights. */
  dCdw: number[][];
}

export interface BackpropTrace {
  cost: number;
  output: number[];
  nodes: NodeTrace[];
  edges: EdgeTrace[];
}

/** Feedforward and backpropagation of one example (x, y) through a plan, every quantity recorded. */
export function backpropTrace(plan: Plan, x: ArrayLike<number>, y: ArrayLike<number>): BackpropTrace {
  if (!plan.output) throw new Error('a backprop trace needs an Output node to measure the cost');
  if (x.length !== plan.inputSize) throw new Error(`the example has ${x.length} inputs but the network takes ${plan.inputSize}`);
  if (y.length !== plan.output.size) throw new Error(`the example has ${y.length} targets but the Output has ${plan.output.size} units`);
  const ws = createWorkspace(plan);
  forward(plan, ws, x);
  const cost = backward(plan, ws, y);
  const slice = (v: ArrayLike<number>, from: number, n: number): number[] => Array.from({ length: n }, (_, i) => v[from + i]);
  const nodes: NodeTrace[] = plan.blocks.map((b) => ({
    nodeId: b.nodeId,
    z: slice(ws.z, b.unitOffset, b.size),
    a: slice(ws.a, b.unitOffset, b.size),
    delta: b.kind === 'input' ? null : slice(ws.delta, b.unitOffset, b.size),
  }));
  const edges: EdgeTrace[] = [];
  for (const block of plan.blocks) {
    for (const input of block.inputs) {
      const cols = plan.blocks[input.source].size;
      const rows = Array.from({ length: block.size }, (_, j) => j);
      edges.push({
        edgeId: input.edgeId,
        source: plan.blocks[input.source].nodeId,
        target: block.nodeId,
        weights: rows.map((j) => slice(plan.params, input.weightOffset + j * cols, cols)),
        dCdw: rows.map((j) => slice(ws.nabla, input.weightOffset + j * cols, cols)),
      });
    }
  }
  return { cost, output: Array.from(ws.out), nodes, edges };
}

/**
 * Two inputs, three hidden sigmoid neurons, two output neurons, with small
 * hand-picked weights so every number in the trace is readable.
 */
export function backpropNetwork(cost: CostName): NetworkDocument {
  const hidden = [
    { id: 'h1', w: [0.5, -0.4], b: 0.1 },
    { id: 'h2', w: [-0.3, 0.8], b: -0.2 },
    { id: 'h3', w: [0.9, 0.2], b: 0.3 },
  ];
  const outputs = [
    { id: 'o1', w: [0.7, -0.5, 0.4], b: -0.1 },
    { id: 'o2', w: [-0.6, 0.3, 0.8], b: 0.2 },
  ];
  const net = new NetworkBuilder().input('x1', 'x₁', { x: 0, y: -90 }).input('x2', 'x₂', { x: 0, y: 90 });
  hidden.forEach((h, j) => net.neuron(h.id, `hidden ${j + 1}`, { x: 260, y: (j - 1) * 150 }, 'sigmoid', h.b));
  outputs.forEach((o, j) => net.neuron(o.id, `output ${j + 1}`, { x: 520, y: j === 0 ? -90 : 90 }, 'sigmoid', o.b));
  net.output('output', 'Output (a₁, a₂) vs y', { x: 780, y: 0 }, cost);
  for (const h of hidden) {
    net.connect('x1', h.id, [[h.w[0]]]);
    net.connect('x2', h.id, [[h.w[1]]]);
  }
  for (const o of outputs) hidden.forEach((h, k) => net.connect(h.id, o.id, [[o.w[k]]]));
  for (const o of outputs) net.connect(o.id, 'output');
  return net.build();
}

const unit = <const N extends string>(name: N, label: string, description: string, value: number, min = -2, max = 2) =>
  numberParameter({ name, label, description, default: value, min, max, step: 0.05 });

export const backpropStepByStep = defineLesson({
  id: 'backprop-step-by-step',
  title: 'Backpropagation, step by step',
  chapter: 2,
  summary: 'Every z, a and δ of a small network for one example, and every ∂C/∂w, by equations 2.9.',
  explanation: [
    'One example (x, y) goes through a 2-3-2 network of sigmoid neurons. Forward, each neuron computes its weighted input z = Σ w a + b and its activation a = σ(z); the view lists both for every neuron.',
    'Backward, the output error is δᴸ = ∇ₐC ⊙ σ′(zᴸ): for the quadratic cost that is (a − y) σ′(z). Each hidden neuron’s error is the errors of the neurons it feeds, weighted by the connecting weights and multiplied by its own σ′(z). Then ∂C/∂b = δ and ∂C/∂w = a_in × δ_out: the gradient of a weight is the activation at its tail times the error at its head.',
    'Change the input or the target and follow how the δs change. Switch the cost to cross-entropy and the σ′(z) of the output layer disappears from δᴸ. Select a weight, nudge it by a tiny amount and compare the change in cost with ∂C/∂w times the nudge: they agree, which is what the tests check for every weight.',
  ],
  view: 'backprop',
  parameters: [
    unit('x1', 'Input x₁', 'First input of the example.', 0.8),
    unit('x2', 'Input x₂', 'Second input of the example.', 0.2),
    unit('y1', 'Target y₁', 'Desired output of the first output neuron.', 1, 0, 1),
    unit('y2', 'Target y₂', 'Desired output of the second output neuron.', 0, 0, 1),
    {
      kind: 'choice',
      name: 'cost',
      label: 'Cost',
      description: 'The cost whose gradient is backpropagated.',
      default: 'quadratic',
      options: [
        { value: 'quadratic', label: 'Quadratic' },
        { value: 'crossEntropy', label: 'Cross-entropy' },
      ],
    },
  ],
  build: ({ x1, x2, y1, y2, cost }) => ({
    network: backpropNetwork(cost),
    examples: { task: 'regression', inputs: [[x1, x2]], targets: [[y1, y2]], inputNames: ['x₁', 'x₂'], outputNames: ['y₁', 'y₂'] },
    hyperparameters: { eta: 0.5, batchSize: 1, epochs: 100, lambda: 0, shuffle: 'none' },
  }),
});
