import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compile';
import { catalogEntry } from '../../../engine/datasets/catalog';
import { validateNetwork, type NetworkDocument } from '../../../engine/document';
import { compileSequence, isRecurrentNetwork } from '../../../engine/recurrent';
import { loadProject, serialiseProject } from '../../../engine/project';
import {
  defaultValues,
  examplesDataset,
  findLesson,
  LessonParameterError,
  lessonProject,
  lessons,
  type LessonDefinition,
  type ParameterSpec,
} from '../../../engine/lessons';
import { Trainer } from '../../../engine/train';

/** Parameter values other than the defaults, inside every range: a second opening with changed controls. */
function changedValues(specs: readonly ParameterSpec[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const s of specs) {
    if (s.kind === 'boolean') values[s.name] = !s.default;
    else if (s.kind === 'choice') values[s.name] = s.options[s.options.length - 1].value;
    else if (s.kind === 'integer') values[s.name] = s.default + s.step <= s.max ? s.default + s.step : s.default - s.step;
    else values[s.name] = s.default;
  }
  return values;
}

/** Lessons whose digit networks are big: checked once, not for every variant. */
const cheap = (l: LessonDefinition): boolean => !['digits', 'deep-speed-of-learning', 'tanh-instead-of-sigmoid'].includes(l.id);

describe('the lesson registry', () => {
  it('has unique ids, every seed chapter 1 to 5, and every view', () => {
    const ids = lessons.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(lessons.map((l) => l.chapter))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(lessons.map((l) => l.view))).toEqual(new Set(['function', 'surface', 'truthTable', 'training', 'backprop', 'activationPlot']));
    // Views a lesson offers beside the one it opens in.
    expect(new Set(lessons.flatMap((l) => l.views ?? [l.view]))).toEqual(new Set(['function', 'surface', 'truthTable', 'training', 'backprop', 'activationPlot', 'gates', 'gradientVsK']));
    for (const l of lessons) {
      if (l.views) {
        expect(l.views[0], l.id).toBe(l.view);
        expect(new Set(l.views).size, l.id).toBe(l.views.length);
      }
      expect(findLesson(l.id)).toBe(l);
      expect(l.title.length).toBeGreaterThan(0);
      expect(l.summary.length).toBeGreaterThan(0);
      expect(l.explanation.length).toBeGreaterThanOrEqual(2);
      expect(l.explanation.every((p) => p.length > 40 && p.length < 1200)).toBe(true);
    }
    expect(findLesson('lstm-cell')?.chapter).toBe(5);
  });

  it('describes every parameter so a UI can render a control', () => {
    for (const l of lessons) {
      const names = l.parameters.map((p) => p.name);
      expect(new Set(names).size, l.id).toBe(names.length);
      for (const p of l.parameters) {
        expect(p.label.length, `${l.id}.${p.name}`).toBeGreaterThan(0);
        expect(p.description.length, `${l.id}.${p.name}`).toBeGreaterThan(10);
        if (p.kind === 'number' || p.kind === 'integer') {
          expect(p.min, `${l.id}.${p.name}`).toBeLessThan(p.max);
          expect(p.default).toBeGreaterThanOrEqual(p.min);
          expect(p.default).toBeLessThanOrEqual(p.max);
          expect(p.step).toBeGreaterThan(0);
          if (p.kind === 'number' && p.scale === 'log') expect(p.min).toBeGreaterThan(0);
          if (p.kind === 'integer') expect((p.default - p.min) % p.step).toBe(0);
        }
        if (p.kind === 'choice') expect(p.options.map((o) => o.value)).toContain(p.default);
      }
    }
  });

  it('builds every lesson with its defaults and with changed controls into a valid, compilable network', () => {
    for (const l of lessons) {
      const variants = cheap(l) ? [{}, changedValues(l.parameters)] : [{}];
      for (const params of variants) {
        const built = l.build(params);
        expect(() => validateNetwork(JSON.parse(JSON.stringify(built.network))), l.id).not.toThrow();
        if (isRecurrentNetwork(built.network)) {
          // A recurrent lesson trains on a sequence set whose shape its settings decide.
          const { model, outputs } = compileSequence(built.network);
          const shape = catalogEntry(built.dataset ?? '')?.sequence?.shape(built.sequence);
          expect(shape, `${l.id}: dataset ${built.dataset}`).toBeDefined();
          expect(shape, l.id).toMatchObject({ inputSize: model.spec.inputSize, outputSize: model.spec.outputSize, targets: outputs });
          continue;
        }
        expect(built.sequence, l.id).toBeUndefined();
        const plan = compile(built.network);
        if (built.examples) {
          expect(built.examples.inputs.every((r) => r.length === plan.inputSize), l.id).toBe(true);
          built.examples.targets?.forEach((r) => expect(r.length, l.id).toBe(plan.output?.size));
        }
        if (built.dataset) {
          const entry = catalogEntry(built.dataset);
          expect(entry, `${l.id}: dataset ${built.dataset}`).toBeDefined();
          expect(entry?.inputSize, l.id).toBe(plan.inputSize);
          expect(entry?.outputSize, l.id).toBe(plan.output?.size);
        }
      }
    }
  });

  it('opens the same lesson twice as the same network', () => {
    for (const l of lessons) {
      expect(l.build(), l.id).toEqual(l.build());
      expect(JSON.stringify(l.build(defaultValues(l.parameters)).network), l.id).toBe(JSON.stringify(l.build().network));
    }
  });

  it('lays every network out left to right with no two nodes on top of each other', () => {
    const check = (id: string, doc: NetworkDocument): void => {
      const at = new Map(doc.nodes.map((n) => [n.id, n.position]));
      for (const e of doc.edges) {
        expect((at.get(e.source)?.x ?? 0) < (at.get(e.target)?.x ?? 0), `${id}: edge ${e.id} runs right to left`).toBe(true);
      }
      const spots = doc.nodes.map((n) => `${Math.round(n.position.x / 40)},${Math.round(n.position.y / 40)}`);
      expect(new Set(spots).size, `${id}: two nodes share a place`).toBe(spots.length);
      expect(doc.nodes.every((n) => n.label.trim().length > 0), id).toBe(true);
    };
    for (const l of lessons) {
      check(l.id, l.build().network);
      if (cheap(l)) check(`${l.id} (changed)`, l.build(changedValues(l.parameters)).network);
    }
    check('approximate-f, N = 100', findLesson('approximate-f')?.build({ n: 100 }).network as NetworkDocument);
    check('tower-m-dimensions, m = 8', findLesson('tower-m-dimensions')?.build({ m: 8 }).network as NetworkDocument);
    check('vanishing-chain, L = 60', findLesson('vanishing-chain')?.build({ layers: 60 }).network as NetworkDocument);
  });

  it('refuses bad parameter values with an error naming the lesson and the parameter', () => {
    const step = findLesson('step-neuron') as LessonDefinition;
    const expectError = (fn: () => unknown, lessonId: string, parameter: string | undefined, text: RegExp): void => {
      let caught: unknown;
      try {
        fn();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(LessonParameterError);
      const error = caught as LessonParameterError;
      expect(error.lessonId).toBe(lessonId);
      expect(error.parameter).toBe(parameter);
      expect(error.message).toMatch(text);
      expect(error.message).toContain(lessonId);
    };
    expectError(() => step.build({ s: 3 }), 'step-neuron', 's', /between -1 and 1, got 3/);
    expectError(() => step.build({ s: Number.NaN }), 'step-neuron', 's', /finite number/);
    expectError(() => step.build({ s: '0.4' }), 'step-neuron', 's', /finite number, got "0.4"/);
    expectError(() => step.build({ steepness: 5 }), 'step-neuron', 'steepness', /no parameter "steepness".*s, w/);
    expectError(() => findLesson('approximate-f')?.build({ n: 11 }), 'approximate-f', 'n', /2 plus a multiple of 2/);
    expectError(() => findLesson('approximate-f')?.build({ n: 10.5 }), 'approximate-f', 'n', /whole number/);
    expectError(() => findLesson('one-neuron-descent')?.build({ cost: 'hinge' }), 'one-neuron-descent', 'cost', /"quadratic", "crossEntropy"/);
    expectError(() => findLesson('digits')?.build({ bitwise: 'yes' }), 'digits', 'bitwise', /true or false/);
    expectError(() => findLesson('bump')?.build({ s1: 0.6, s2: 0.4 }), 'bump', undefined, /s₁ = 0.6 must be less than .* s₂ = 0.4/);
    expectError(() => findLesson('tower')?.build({ y1: 1, y2: 0 }), 'tower', undefined, /bottom edge/);
    expectError(() => step.build([1, 2] as unknown as Record<string, unknown>), 'step-neuron', undefined, /must be an object/);
  });

  it('opens a lesson as a normal project that survives being changed, saved and loaded', () => {
    for (const l of lessons.filter(cheap)) {
      const project = lessonProject(l, changedValues(l.parameters));
      // The user changes the network: nudges the first bias it finds.
      project.network = {
        ...project.network,
        nodes: project.network.nodes.map((n) => (n.kind === 'neuron' ? { ...n, bias: n.bias + 0.25 } : n)),
      };
      project.hyperparameters = { ...project.hyperparameters, eta: 0.123 };
      const loaded = loadProject(JSON.parse(serialiseProject(project)));
      expect(loaded, l.id).toEqual(project);
      expect(loaded.view.lesson).toEqual({ id: l.id, parameters: { ...defaultValues(l.parameters), ...changedValues(l.parameters) } });
      expect(loaded.view.view).toBe(l.view);
    }
    const digits = lessonProject(findLesson('digits') as LessonDefinition);
    expect(digits.dataset).toEqual({ source: 'builtin', name: 'digits' });
    expect(loadProject(JSON.parse(serialiseProject(digits)))).toEqual(digits);
  });

  it('trains every lesson that brings its own examples, or says why it cannot', () => {
    for (const l of lessons.filter((x) => x.build().examples?.targets)) {
      const built = l.build();
      const plan = compile(built.network);
      const data = examplesDataset(l.id, built.examples as NonNullable<typeof built.examples>);
      if (plan.untrainableReason) {
        expect(l.id).toBe('perceptron-scaling');
        expect(plan.untrainableReason).toMatch(/perceptron/);
        continue;
      }
      const hp = { eta: 0.1, batchSize: 1, lambda: 0, ...built.hyperparameters };
      const before = Array.from(plan.params);
      const trainer = new Trainer(plan, data, null, { eta: hp.eta, batchSize: hp.batchSize, lambda: hp.lambda, optimizer: { name: 'sgd' }, shuffle: 'none', seed: 1 });
      const result = trainer.runEpoch();
      expect(result.divergence, l.id).toBeUndefined();
      expect(Array.from(plan.params), l.id).not.toEqual(before);
    }
  });

  it('refuses lesson examples that cannot be a dataset', () => {
    expect(() => examplesDataset('table', { task: 'classification', inputs: [[0, 1]] })).toThrow(/"table" have no targets/);
    expect(() => examplesDataset('table', { task: 'regression', inputs: [[0, 1]], targets: [] })).toThrow(/1 inputs but 0 targets/);
    expect(() => examplesDataset('table', { task: 'regression', inputs: [[0, 1], [1]], targets: [[0], [1]] })).toThrow(/rows of different lengths/);
  });
});
