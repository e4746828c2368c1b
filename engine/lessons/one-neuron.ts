/**
 * Lesson 4 (exercise 1.4, chapter 3): gradient descent on one sigmoid neuron
 * learning input 1 -> output 0, under the quadratic and the cross-entropy
 * cost, to show the learning slowdown of a saturated neuron.
 */
import { compile } from '../compile';
import type { CostName } from '../costs';
import type { NetworkDocument } from '../document';
import { forward } from '../forward';
import { Trainer } from '../train';
import { createWorkspace } from '../workspace';
import { examplesDataset } from './data';
import { defineLesson } from './define';
import { NetworkBuilder } from './graph';
import type { LessonExamples } from './types';

export function oneNeuron(w: number, b: number, cost: CostName): NetworkDocument {
  return new NetworkBuilder()
    .input('x', 'x', { x: 0, y: 0 })
    .neuron('neuron', 'σ(w x + b)', { x: 260, y: 0 }, 'sigmoid', b)
    .output('output', 'Output (target 0)', { x: 520, y: 0 }, cost)
    .connect('x', 'neuron', [[w]])
    .connect('neuron', 'output')
    .build();
}

/** The single training example of the chapter: input 1, desired output 0. */
export const ONE_EXAMPLE: LessonExamples = { task: 'regression', inputs: [[1]], targets: [[0]], inputNames: ['x'], outputNames: ['a'] };

export interface CurvePoint {
  epoch: number;
  w: number;
  b: number;
  /** The neuron's output a = σ(w + b) for the input 1. */
  output: number;
  cost: number;
}

export interface OneNeuronRun {
  w: number;
  b: number;
  eta: number;
  epochs: number;
}

/**
 * Trains the neuron with the engine's Trainer, one epoch = one step on the
 * single example, and records w, b, a and C before the first step and after
 * every epoch: the data of the side-by-side chart.
 */
export function oneNeuronCurve(cost: CostName, { w, b, eta, epochs }: OneNeuronRun): CurvePoint[] {
  const plan = compile(oneNeuron(w, b, cost));
  const data = examplesDataset('one example', ONE_EXAMPLE);
  const trainer = new Trainer(plan, data, null, {
    eta,
    batchSize: 1,
    lambda: 0,
    optimizer: { name: 'sgd' },
    shuffle: 'none',
    seed: 1,
  });
  const ws = createWorkspace(plan);
  const weightIndex = plan.blocks[1].inputs[0].weightOffset;
  const biasIndex = plan.blocks[1].biasOffset;
  const point = (epoch: number): CurvePoint => {
    const a = forward(plan, ws, [1])[0];
    return { epoch, w: plan.params[weightIndex], b: plan.params[biasIndex], output: a, cost: plan.output?.cost.value(ws.out, [0], 1) ?? NaN };
  };
  const points = [point(0)];
  for (let e = 1; e <= epochs; e++) {
    trainer.runEpoch();
    points.push(point(e));
  }
  return points;
}

/** Both costs from the same start, for the two charts side by side. */
export function oneNeuronCurves(run: OneNeuronRun): Record<'quadratic' | 'crossEntropy', CurvePoint[]> {
  return { quadratic: oneNeuronCurve('quadratic', run), crossEntropy: oneNeuronCurve('crossEntropy', run) };
}

export const oneNeuronDescent = defineLesson({
  id: 'one-neuron-descent',
  title: 'Gradient descent on one neuron',
  chapter: 3,
  summary: 'One sigmoid neuron learns 1 → 0; a badly wrong start learns slowly under the quadratic cost, not under cross-entropy.',
  explanation: [
    'A single sigmoid neuron is taught to turn the input 1 into the output 0. Each step of gradient descent moves w and b by −η times the gradient of the cost: among all small steps of the same length, that is the one that lowers the cost the most (exercise 1.4).',
    'Start from w = 0.6, b = 0.9 and train: under both costs the output falls to near 0. Now start from w = 2, b = 2, where the output is σ(4) ≈ 0.98, badly wrong. With the quadratic cost the gradient is (a − y) σ′(z), and σ′(4) is only 0.018, so the neuron barely moves for dozens of epochs before it finally learns. With cross-entropy the σ′(z) cancels, the gradient is just a − y, and learning is fastest exactly when the neuron is most wrong.',
    'Switch the cost, change η, and compare the two curves side by side: the plateau at the start of the quadratic curve is the learning slowdown of chapter 3.',
  ],
  view: 'training',
  parameters: [
    { kind: 'number', name: 'w', label: 'Initial weight w', description: 'The weight before training.', default: 2, min: -5, max: 5, step: 0.1 },
    { kind: 'number', name: 'b', label: 'Initial bias b', description: 'The bias before training.', default: 2, min: -5, max: 5, step: 0.1 },
    {
      kind: 'choice',
      name: 'cost',
      label: 'Cost',
      description: 'The cost the Output node measures and gradient descent lowers.',
      default: 'quadratic',
      options: [
        { value: 'quadratic', label: 'Quadratic ½(a − y)²' },
        { value: 'crossEntropy', label: 'Cross-entropy' },
      ],
    },
    { kind: 'number', name: 'eta', label: 'Learning rate η', description: 'Each step moves w and b by −η times the gradient.', default: 0.15, min: 0.001, max: 10, step: 0.001, scale: 'log' },
  ],
  build: ({ w, b, cost, eta }) => ({
    network: oneNeuron(w, b, cost),
    examples: ONE_EXAMPLE,
    hyperparameters: { eta, batchSize: 1, epochs: 300, lambda: 0, optimizer: 'sgd', shuffle: 'none' },
  }),
});
