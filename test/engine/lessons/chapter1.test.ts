import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compile';
import { Rng } from '../../../engine/rng';
import { Trainer } from '../../../engine/train';
import { initialiseDocument } from '../../../engine/build';
import { findLesson, lessonProject, type LessonDefinition } from '../../../engine/lessons';
import { bitwiseNetwork } from '../../../engine/lessons/bitwise';
import { digitsNetwork, RECIPES } from '../../../engine/lessons/digits';
import { adderTruth, nandAdder, TIE_INPUT } from '../../../engine/lessons/nand-adder';
import { loadDigits } from '../../../node/digits';
import { activationsOf, isDecreasing, runner } from './helpers';

const lesson = (id: string): LessonDefinition => findLesson(id) as LessonDefinition;
/** The four bits of d, least significant first, read off its base-2 numeral. */
const binary = (d: number): number[] => d.toString(2).padStart(4, '0').split('').reverse().map(Number);
const BITS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

describe('lesson 1: scaling a perceptron network (exercise 1.1)', () => {
  it('is the adder: sum = x1 XOR x2, carry = x1 AND x2', () => {
    const run = runner(lesson('perceptron-scaling').build().network);
    for (const [x1, x2] of BITS) expect(run([x1, x2])).toEqual([x1 ^ x2, x1 & x2]);
  });

  it('gives the same outputs for every input whatever c > 0 multiplies the weights and biases', () => {
    const reference = runner(nandAdder({ activation: 'perceptron', c: 1 }));
    for (const c of [0.001, 0.5, 1, 7, 1e6]) {
      const doc = lesson('perceptron-scaling').build({ c }).network;
      // The control really scales every parameter (so the test could fail).
      const plan = compile(doc);
      expect(Array.from(plan.params)).toEqual(Array.from(compile(nandAdder({ activation: 'perceptron', c: 1 })).params).map((p) => c * p));
      const run = runner(doc);
      for (const x of BITS) expect(run(x), `c = ${c}, x = ${x}`).toEqual(reference(x));
    }
  });
});

describe('lesson 2: sigmoid neurons tend to perceptrons (exercise 1.2)', () => {
  // From c = 1 up; below 1 every output sits near σ(0) = 1/2 and the distance is not monotone.
  const cs = [1, 2, 4, 8, 16, 32, 64];
  const distance = (c: number): number => {
    const run = runner(lesson('sigmoid-limit').build({ c }).network);
    return Math.max(...BITS.flatMap((x) => run(x).map((a, j) => Math.abs(a - adderTruth(x)[j]))));
  };

  it('approaches the perceptron outputs, the distance shrinking monotonically in c', () => {
    const d = cs.map(distance);
    expect(isDecreasing(d)).toBe(true);
    expect(d[0]).toBeGreaterThan(0.3);
    expect(d[d.length - 1]).toBeLessThan(1e-12);
  });

  it('keeps a neuron with w.x + b = 0 at 1/2 for every c, so the limit fails there', () => {
    expect(adderTruth(TIE_INPUT)).toEqual([0, 1]);
    for (const c of [0.5, 1, 10, 1000, 1e6]) {
      const plan = compile(lesson('sigmoid-limit').build({ c }).network);
      expect(activationsOf(plan, 'n1', TIE_INPUT)).toEqual([0.5]);
      expect(activationsOf(plan, 'n3', TIE_INPUT)).toEqual([0.5]);
      const [sum] = runner(plan.source)(TIE_INPUT);
      // The perceptron's sum is 0; the sigmoid network's never goes below 1/2.
      expect(sum).toBeGreaterThanOrEqual(0.5);
      if (c <= 10) expect(sum).toBeGreaterThan(0.5);
    }
    const examples = lesson('sigmoid-limit').build().examples;
    expect(examples?.inputs).toContainEqual(TIE_INPUT);
  });
});

describe('lesson 3: a bitwise output layer (exercise 1.3)', () => {
  const digitVector = (d: number, right: number, wrong: (i: number) => number): number[] =>
    Array.from({ length: 10 }, (_, i) => (i === d ? right : wrong(i)));

  it('reads out the binary of d at the exercise corners 0.99 / 0.01', () => {
    const run = runner(lesson('bitwise-output').build().network);
    for (let d = 0; d < 10; d++) {
      const out = run(digitVector(d, 0.99, () => 0.01));
      expect(out.map(Math.round), `digit ${d}`).toEqual(binary(d));
      // With k = 10 the weighted input is at least 0.9 * 10 from 0: the bits are crisp.
      out.forEach((a, j) => expect(Math.abs(a - binary(d)[j])).toBeLessThan(1 / (1 + Math.exp(9)) + 1e-12));
    }
  });

  it('reads out the binary of d for any correct activation in [0.99, 1] and wrong ones in [0, 0.01), even at k = 1', () => {
    const rng = new Rng(3);
    for (const k of [1, 10, 1000]) {
      const run = runner(bitwiseNetwork(k));
      for (let trial = 0; trial < 200; trial++) {
        const d = trial % 10;
        const x = digitVector(d, rng.uniform(0.99, 1), () => rng.uniform(0, 0.01));
        expect(run(x).map(Math.round), `k = ${k}, x = ${x}`).toEqual(binary(d));
      }
    }
  });

  it('has the seed’s weights: +k for digits whose bit is set, -k otherwise, bias 0', () => {
    const doc = bitwiseNetwork(10);
    const w = doc.edges.find((e) => e.target === 'bits')?.weights;
    // Bit 0 is set for 1, 3, 5, 7, 9 and bit 1 for 2, 3, 6, 7 (the seed's text adds a 9 by mistake).
    expect(w?.[0]).toEqual([-10, 10, -10, 10, -10, 10, -10, 10, -10, 10]);
    expect(w?.[1]).toEqual([-10, -10, 10, 10, -10, -10, 10, 10, -10, -10]);
    expect(w?.[3]).toEqual([-10, -10, -10, -10, -10, -10, -10, -10, 10, 10]);
    expect(doc.nodes.find((n) => n.id === 'bits')).toMatchObject({ biases: [0, 0, 0, 0] });
  });
});

describe('lesson 15: digits', () => {
  it('is 784-30-10 with a 28x28 image input and network2.py’s recipe by default', () => {
    const built = lesson('digits').build();
    expect(built.dataset).toBe('digits');
    expect(built.hyperparameters).toEqual({ eta: 0.5, batchSize: 10, epochs: 30, lambda: 5, optimizer: 'sgd', init: 'scaledNormal', shuffle: 'seeded', precision: 'float64' });
    const plan = compile(built.network);
    expect(plan.blocks.map((b) => b.size)).toEqual([784, 30, 10]);
    expect(built.network.nodes.find((n) => n.kind === 'input')).toMatchObject({ size: 784, image: { width: 28, height: 28 } });
    expect(built.network.nodes.find((n) => n.kind === 'output')).toMatchObject({ cost: 'crossEntropy' });
    // network2.py's weights: N(0, 1/784) into the hidden layer.
    const w = built.network.edges.find((e) => e.target === 'hidden-1')?.weights?.flat() ?? [];
    const sd = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(sd).toBeGreaterThan(0.9 / 28);
    expect(sd).toBeLessThan(1.1 / 28);
  });

  it('offers network.py’s recipe as the alternative', () => {
    const built = lesson('digits').build({ recipe: 'network' });
    expect(built.hyperparameters).toMatchObject({ eta: 3.0, lambda: 0, init: 'normal', batchSize: 10 });
    expect(built.network.nodes.find((n) => n.kind === 'output')).toMatchObject({ cost: 'quadratic' });
    const w = built.network.edges.find((e) => e.target === 'hidden-1')?.weights?.flat() ?? [];
    const sd = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(sd).toBeGreaterThan(0.95);
    expect(sd).toBeLessThan(1.05);
    expect(RECIPES.network.cost).toBe('quadratic');
  });

  it('stacks lesson 3’s frozen bit layer as a read-out that training leaves alone', () => {
    const { train, test } = loadDigits({ seed: 0, trainCount: 1000, testCount: 300 });
    const built = lesson('digits').build({ bitwise: true });
    expect(built.view?.probeNodes).toEqual(['bits']);
    const plan = compile(built.network);
    expect(plan.output?.size).toBe(10);
    const bits = plan.blocks.find((b) => b.nodeId === 'bits');
    const bitParams = (): number[] => {
      const b = bits as NonNullable<typeof bits>;
      return [...plan.params.subarray(b.biasOffset, b.biasOffset + 4), ...plan.params.subarray(b.inputs[0].weightOffset, b.inputs[0].weightOffset + 40)];
    };
    const before = bitParams();
    const trainer = new Trainer(plan, train, test, { eta: 0.5, batchSize: 10, lambda: 5, optimizer: { name: 'sgd' }, shuffle: 'seeded', seed: 1 });
    let accuracy = 0;
    for (let e = 0; e < 3; e++) accuracy = trainer.runEpoch().epoch?.testAccuracy ?? 0;
    expect(accuracy).toBeGreaterThan(0.7);
    expect(bitParams()).toEqual(before);
    // The read-out is lesson 3's network applied to the digit layer's outputs.
    const readOut = runner(bitwiseNetwork(10));
    for (let i = 0; i < 20; i++) {
      const x = test.x.subarray(i * 784, (i + 1) * 784);
      const bitsOut = activationsOf(plan, 'bits', x);
      readOut(activationsOf(plan, 'output-layer', x)).forEach((a, j) => expect(bitsOut[j]).toBeCloseTo(a, 14));
    }
  });

  it('records its seed, so the project can draw the same initial weights again', () => {
    const built = lesson('digits').build({ recipe: 'network' });
    const init = built.hyperparameters?.init;
    if (built.seed === undefined || init === undefined) throw new Error('the digits lesson names its seed and init');
    expect(initialiseDocument(built.network, init, built.seed)).toEqual(built.network);
    expect(lessonProject(lesson('digits')).seed).toBe(built.seed);
  });

  it('gives the same initial weights every time it opens, different ones for another seed', () => {
    expect(digitsNetwork('network2', false)).toEqual(digitsNetwork('network2', false));
    expect(digitsNetwork('network2', false, 2)).not.toEqual(digitsNetwork('network2', false));
  });
});
