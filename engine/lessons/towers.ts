/**
 * Lessons 10 and 11 (section 4.3, figures 4.6 and 4.7): a tower, a function
 * that is 1 on a box and 0 outside, from a pair of steps per input and one
 * sigmoid output neuron with bias -(m - 1/2) h.
 */
import type { NetworkDocument } from '../document';
import { defineLesson, numberParameter } from './define';
import { formatNumber, gridPosition, NetworkBuilder } from './graph';

export type Interval = readonly [number, number];

export interface TowerOptions {
  /** The box: one open interval (lo, hi) per input, lo < hi. */
  box: readonly Interval[];
  /** Steepness of the steps. */
  w: number;
  /** Output weights +-h; bias -(m - 1/2) h. */
  h: number;
}

/** Input names x, y, then x₃, x₄, ... */
export function axisName(i: number): string {
  return i === 0 ? 'x' : i === 1 ? 'y' : `x${String.fromCharCode(0x2080 + ((i + 1) % 10))}`;
}

/**
 * Inside the box every pair contributes h (its first step on, its second
 * off), so the output's weighted input is m h - (m - 1/2) h = h/2. Outside
 * along even one axis that pair adds 0, leaving at most -h/2. A sigmoid
 * turns +-h/2 into about 1 and 0.
 */
export function towerNetwork({ box, w, h }: TowerOptions): NetworkDocument {
  const m = box.length;
  if (m < 1) throw new Error('a tower needs at least one input');
  box.forEach(([lo, hi], i) => {
    if (!(lo < hi)) throw new Error(`the interval on ${axisName(i)} must have lo < hi, got (${lo}, ${hi})`);
  });
  const net = new NetworkBuilder();
  for (let i = 0; i < m; i++) net.input(`in${i + 1}`, axisName(i), gridPosition(0, 2 * i + 0.5, 2 * m));
  net.neuron('tower', `tower, bias −${formatNumber(m - 0.5)}h`, gridPosition(2), 'sigmoid', -(m - 0.5) * h);
  net.output('output', 'Output', gridPosition(3), 'quadratic');
  box.forEach(([lo, hi], i) => {
    const name = axisName(i);
    const up = `up${i + 1}`;
    const down = `down${i + 1}`;
    net.neuron(up, `${name} step at ${formatNumber(lo)}`, gridPosition(1, 2 * i, 2 * m), 'sigmoid', -lo * w);
    net.neuron(down, `${name} step at ${formatNumber(hi)}`, gridPosition(1, 2 * i + 1, 2 * m), 'sigmoid', -hi * w);
    net.connect(`in${i + 1}`, up, [[w]]).connect(`in${i + 1}`, down, [[w]]);
    net.connect(up, 'tower', [[h]]).connect(down, 'tower', [[-h]]);
  });
  return net.connect('tower', 'output').build();
}

const steepness = {
  kind: 'number',
  name: 'w',
  label: 'Steepness w',
  description: 'The input weight of every step neuron.',
  default: 1000,
  min: 1,
  max: 100_000,
  step: 1,
  scale: 'log',
} as const;

const height = {
  kind: 'number',
  name: 'h',
  label: 'Weight h',
  description: 'The output weights are +h and −h; the output bias is −(m − 1/2)h.',
  default: 1000,
  min: 0.01,
  max: 100_000,
  step: 0.01,
  scale: 'log',
} as const;

const edge = <const N extends string>(name: N, label: string, value: number) =>
  numberParameter({ name, label, description: `${label} of the rectangle.`, default: value, min: -5, max: 5, step: 0.05 });

/** The surface view's window: the box with half its size again on each side. */
function around([lo, hi]: Interval): [number, number] {
  const pad = Math.max((hi - lo) / 2, 0.5);
  return [lo - pad, hi + pad];
}

export const tower = defineLesson({
  id: 'tower',
  title: 'A tower in two dimensions',
  chapter: 4,
  summary: 'A pair of steps on x, a pair on y and an output bias of −3h/2 give a tower on a rectangle.',
  explanation: [
    'Four step neurons: two step up at the left and right edges of the rectangle along x, two at its bottom and top along y. The output neuron weighs them h, −h, h, −h. Its weighted input is h for each axis on which the point lies between the steps, so 2h inside the rectangle, at most h outside it.',
    'The output bias −3h/2 sits between the two: inside, σ(2h − 3h/2) = σ(h/2) ≈ 1; outside, σ(h − 3h/2) = σ(−h/2) ≈ 0. The surface view shows the result: a flat-topped tower on (1, 2) × (−2, 0), as in the seed’s figure 4.7.',
    'Drag the output bias in the inspector towards −h/2 and the tower grows two walls along the axes, a cross; towards −2h and it sinks. Any bias strictly between −2h and −h works. Move the rectangle’s edges to place the tower anywhere.',
  ],
  view: 'surface',
  parameters: [edge('x1', 'Left edge x₁', 1), edge('x2', 'Right edge x₂', 2), edge('y1', 'Bottom edge y₁', -2), edge('y2', 'Top edge y₂', 0), steepness, height],
  check: ({ x1, x2, y1, y2 }) =>
    x1 >= x2 ? `the left edge x₁ = ${x1} must be less than the right edge x₂ = ${x2}` : y1 >= y2 ? `the bottom edge y₁ = ${y1} must be less than the top edge y₂ = ${y2}` : null,
  build: ({ x1, x2, y1, y2, w, h }) => ({
    network: towerNetwork({ box: [[x1, x2], [y1, y2]], w, h }),
    view: { xRange: around([x1, x2]), yRange: around([y1, y2]) },
  }),
});

export const towerInM = defineLesson({
  id: 'tower-m-dimensions',
  title: 'Towers in m dimensions',
  chapter: 4,
  summary: 'One pair of steps per input and an output bias of −(m − 1/2)h: a tower on a box in m dimensions.',
  explanation: [
    'The tower generalises to any number of inputs m: one pair of step neurons per input, output weights ±h, and an output bias of −(m − 1/2)h. Inside the box every pair adds h, so the weighted input is mh − (m − 1/2)h = h/2 and the output is about 1; outside along even one axis it is at most (m − 1)h − (m − 1/2)h = −h/2, and the output is about 0.',
    'For m = 3 the bias is −5h/2, as in the seed; any bias strictly between −mh and −(m − 1)h works. The surface view shows a slice through the box: x and y vary, and the other inputs are held at the middle of their interval.',
    'Change m and watch the network grow a pair of neurons per input. Set an input beyond the first two outside its interval in the view and the whole slice goes flat: the point has left the box.',
  ],
  view: 'surface',
  parameters: [
    { kind: 'integer', name: 'm', label: 'Inputs m', description: 'Number of inputs, each with its pair of steps.', default: 3, min: 2, max: 8, step: 1 },
    { kind: 'number', name: 'lo', label: 'Interval start', description: 'Every input’s interval is (start, end).', default: 0.3, min: -5, max: 5, step: 0.05 },
    { kind: 'number', name: 'hi', label: 'Interval end', description: 'Every input’s interval is (start, end).', default: 0.7, min: -5, max: 5, step: 0.05 },
    steepness,
    height,
  ],
  check: ({ lo, hi }) => (lo < hi ? null : `the interval start ${lo} must be less than its end ${hi}`),
  build: ({ m, lo, hi, w, h }) => ({
    network: towerNetwork({ box: Array.from({ length: m }, (): Interval => [lo, hi]), w, h }),
    view: { xRange: around([lo, hi]), yRange: around([lo, hi]), fixedInputs: new Array<number>(Math.max(m - 2, 0)).fill((lo + hi) / 2) },
  }),
});
