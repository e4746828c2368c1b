/**
 * Lessons 7 and 8 (section 4.1): a sigmoid neuron with a large weight is a
 * step at s = -b/w; two steps and an output neuron make a bump.
 */
import type { NetworkDocument } from '../document';
import { defineLesson } from './define';
import { formatNumber, NetworkBuilder } from './graph';

/** One sigmoid neuron stepping from 0 to 1 at x = s: weight w, bias -s w. */
export function stepNeuron(s: number, w: number): NetworkDocument {
  return new NetworkBuilder()
    .input('x', 'x', { x: 0, y: 0 })
    .neuron('step', `step at s = ${formatNumber(s)}`, { x: 260, y: 0 }, 'sigmoid', -s * w)
    .output('output', 'Output', { x: 520, y: 0 }, 'quadratic')
    .connect('x', 'step', [[w]])
    .connect('step', 'output')
    .build();
}

export type BumpOutput = 'sigmoid' | 'linear';

export interface BumpOptions {
  s1: number;
  s2: number;
  /** Weight of both step neurons. */
  w: number;
  h: number;
  output: BumpOutput;
}

/**
 * Steps at s1 < s2 feed one output neuron with weights h and -h.
 * 'sigmoid' is the seed's indicator sigma(h a1 - h a2 - h/2): about 1 on
 * (s1, s2) and 0 elsewhere for any large h. 'linear' is the bare weighted
 * output h (a1 - a2), a bump of height h, the building block of a sum of bumps.
 */
export function bumpNetwork({ s1, s2, w, h, output }: BumpOptions): NetworkDocument {
  return new NetworkBuilder()
    .input('x', 'x', { x: 0, y: 0 })
    .neuron('step1', 'step at s₁', { x: 260, y: -90 }, 'sigmoid', -s1 * w)
    .neuron('step2', 'step at s₂', { x: 260, y: 90 }, 'sigmoid', -s2 * w)
    .neuron('bump', output === 'sigmoid' ? 'indicator of (s₁, s₂)' : 'bump of height h', { x: 520, y: 0 }, output, output === 'sigmoid' ? -h / 2 : 0)
    .output('output', 'Output', { x: 780, y: 0 }, 'quadratic')
    .connect('x', 'step1', [[w]])
    .connect('x', 'step2', [[w]])
    .connect('step1', 'bump', [[h]])
    .connect('step2', 'bump', [[-h]])
    .connect('bump', 'output')
    .build();
}

const stepWeight = {
  kind: 'number',
  name: 'w',
  label: 'Steepness w',
  description: 'The input weight of each step neuron; the step is about 4/w wide.',
  min: 1,
  max: 100_000,
  step: 1,
  scale: 'log',
} as const;

export const stepFunction = defineLesson({
  id: 'step-neuron',
  title: 'A sigmoid neuron as a step',
  chapter: 4,
  summary: 'With a large weight, σ(w x + b) is a step at s = −b/w.',
  explanation: [
    'One sigmoid neuron, σ(w x + b), plotted against x. With a small weight it is the familiar smooth S. Make w large and the S becomes steeper until it is, for practical purposes, a step from 0 to 1.',
    'Where is the step? The output is 1/2 where w x + b = 0, that is at x = −b/w. So instead of the bias it is easier to think of the step point s = −b/w: the control sets s and the lesson sets the bias to b = −s w. With w = 1000 the output is below 0.01 just 0.01 to the left of s and above 0.99 just 0.01 to the right.',
    'Move s and watch the bias follow; lower w to 10 and the step melts back into a slope. Chapter 4 builds every other construction from such steps.',
  ],
  view: 'function',
  parameters: [
    { kind: 'number', name: 's', label: 'Step point s', description: 'Where the output jumps from 0 to 1 (the bias is −s w).', default: 0.4, min: -1, max: 1, step: 0.01 },
    { ...stepWeight, default: 1000 },
  ],
  build: ({ s, w }) => ({ network: stepNeuron(s, w), view: { xRange: [-1, 1] } }),
});

export const bump = defineLesson({
  id: 'bump',
  title: 'Two steps make a bump',
  chapter: 4,
  summary: 'Steps at s₁ < s₂ with output weights h and −h give a function that is 1 on (s₁, s₂) and 0 outside.',
  explanation: [
    'Two step neurons jump at s₁ and s₂. The output neuron weighs the first by h and the second by −h, so its weighted input is h on (s₁, s₂), where only the first step is on, and 0 elsewhere, where both steps are off or both on.',
    'With the sigmoid output and bias −h/2 (the seed’s construction), the output is σ(h/2) ≈ 1 inside and σ(−h/2) ≈ 0 outside, for any large h: the network is an indicator of the interval, and h only sets how crisp its edges are. Choose the linear output instead and the output is the bare weighted sum h(a₁ − a₂) with no bias: a bump of height h. That is the version to stack, because a sum of such bumps with heights set to a function’s values approximates the function (next lesson).',
    'Drag s₁ past s₂ and the lesson refuses: a bump needs s₁ < s₂. Lower w and the walls of the bump lean over; with the linear output, lower h and the bump gets shorter.',
  ],
  view: 'function',
  parameters: [
    { kind: 'number', name: 's1', label: 'Left step s₁', description: 'Where the bump starts.', default: 0.4, min: -1, max: 1, step: 0.01 },
    { kind: 'number', name: 's2', label: 'Right step s₂', description: 'Where the bump ends (must be greater than s₁).', default: 0.6, min: -1, max: 1, step: 0.01 },
    { ...stepWeight, default: 10_000 },
    { kind: 'number', name: 'h', label: 'Height h', description: 'The output weights are h and −h.', default: 10_000, min: 0.01, max: 100_000, step: 0.01, scale: 'log' },
    {
      kind: 'choice',
      name: 'output',
      label: 'Output neuron',
      description: 'Sigmoid with bias −h/2 gives an indicator of (s₁, s₂); linear with bias 0 gives a bump of height h.',
      default: 'sigmoid',
      options: [
        { value: 'sigmoid', label: 'Sigmoid, bias −h/2 (indicator)' },
        { value: 'linear', label: 'Linear, bias 0 (height h)' },
      ],
    },
  ],
  check: ({ s1, s2 }) => (s1 < s2 ? null : `the left step s₁ = ${s1} must be less than the right step s₂ = ${s2}`),
  build: (p) => ({ network: bumpNetwork(p), view: { xRange: [-1, 1] } }),
});
