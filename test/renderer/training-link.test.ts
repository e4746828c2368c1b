import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile';
import { initialiseDocument, layeredNetwork } from '../../engine/build';
import { lessonProject, findLesson } from '../../engine/lessons/index';
import { newProject } from '../../engine/project';
import { linkTraining, settingsOfProject, withTrainingSettings, withWeights } from '../../renderer/app/training-link';
import { compiled } from '../../renderer/graph/probe';
import { createDocumentStore } from '../../renderer/store/document-store';
import type { TrainerConnection } from '../../renderer/platform/host';
import { EXAMPLES_NAME, settingsFor } from '../../renderer/training/settings';
import { createTrainingStore, type WeightSnapshot } from '../../renderer/training/store';
import { drawInitialWeights, parameterLayout, weightsIntoDocument } from '../../renderer/training/weights';

const network = initialiseDocument(layeredNetwork([2, 3, 1], { cost: 'crossEntropy' }), 'scaledNormal', 1);
const layout = parameterLayout(compile(network));

const silent = (): TrainerConnection => ({ post: () => {}, onEvent: () => () => {}, dispose: () => {} });

function snapshot(runId: number | null, epoch: number, batch: number, seed: number): WeightSnapshot {
  return { runId, epoch, batch, params: drawInitialWeights(network, 'normal', seed), network, layout };
}

function linked() {
  const docs = createDocumentStore(newProject(network, 'test'));
  const training = createTrainingStore(silent, settingsFor({ dataset: { source: 'builtin', name: 'xor' } }));
  const unlink = linkTraining(training, docs);
  return { docs, training, unlink, weights: (w: WeightSnapshot) => training.setState({ weights: w }) };
}

describe('weights from the trainer onto the canvas', () => {
  it('writes exactly what weightsIntoDocument writes, and the cache holds the new plan', () => {
    const params = drawInitialWeights(network, 'normal', 9);
    const next = withWeights(network, { params, layout });
    expect(next).toEqual(weightsIntoDocument(network, params, layout));
    const c = compiled(next);
    expect(Array.from(c.plan?.params ?? [])).toEqual(Array.from(params));
    // The cached plan is the one a fresh compile gives.
    expect(Array.from(compile(next).params)).toEqual(Array.from(params));
    expect(c.plan?.source).toBe(next);
    // The old document's plan is untouched.
    expect(Array.from(compiled(network).plan?.params ?? [])).toEqual(Array.from(compile(network).params));
  });

  it('leaves a document whose structure changed since the run started as it is', () => {
    const other = initialiseDocument(layeredNetwork([2, 4, 1], { cost: 'crossEntropy' }), 'scaledNormal', 1);
    const params = drawInitialWeights(network, 'normal', 9);
    expect(withWeights(other, { params, layout })).toBe(other);
  });

  it('makes one undo step per run, a new one after a reset and one per re-randomise', () => {
    const { docs, weights, unlink } = linked();
    weights(snapshot(1, 0, 0, 11));
    weights(snapshot(1, 0, 5, 12));
    weights(snapshot(1, 1, 0, 13));
    expect(docs.getState().past).toHaveLength(1);
    expect(docs.getState().lastEdit?.label).toBe('Training');
    expect(compiled(docs.getState().doc).plan?.params).toEqual(drawInitialWeights(network, 'normal', 13));
    // Reset to the initial weights: back to epoch 0 of the same run.
    weights(snapshot(1, 0, 0, 11));
    expect(docs.getState().past).toHaveLength(2);
    weights(snapshot(2, 0, 3, 14));
    expect(docs.getState().past).toHaveLength(3);
    weights(snapshot(null, 0, 0, 15));
    weights(snapshot(null, 0, 0, 16));
    expect(docs.getState().past).toHaveLength(5);
    expect(docs.getState().lastEdit?.label).toBe('Re-randomise');
    // Undo goes back through them: the last re-randomise, then the one before.
    docs.getState().undo();
    expect(compiled(docs.getState().doc).plan?.params).toEqual(drawInitialWeights(network, 'normal', 15));
    unlink();
    weights(snapshot(3, 0, 0, 17));
    expect(docs.getState().past).toHaveLength(4);
  });

  it('an opened project replaces the training settings and forgets the runs', () => {
    const { docs, training } = linked();
    training.setState({ runs: [], status: 'done', weights: null });
    const lesson = findLesson('digits');
    if (!lesson) throw new Error('no digits lesson');
    docs.getState().replace(lessonProject(lesson), null);
    const s = training.getState();
    expect(s.status).toBe('idle');
    expect(s.settings.dataset).toEqual({ source: 'builtin', name: 'digits' });
    expect(s.settings.hyperparameters).toMatchObject({ eta: 0.5, lambda: 5, batchSize: 10, epochs: 30 });
    expect(s.settings.seed).toBe(1);
  });
});

describe('training settings in the project file', () => {
  it('a lesson with its own rows and targets trains on them; a saved dataset wins', () => {
    const lesson = findLesson('one-neuron-descent');
    if (!lesson) throw new Error('no one-neuron lesson');
    const project = lessonProject(lesson);
    const settings = settingsOfProject(project);
    expect(settings.dataset).toMatchObject({ source: 'upload', kind: 'examples', name: EXAMPLES_NAME });
    expect(settingsOfProject({ ...project, dataset: { source: 'builtin', name: 'xor' } }).dataset).toEqual({ source: 'builtin', name: 'xor' });
  });

  it('saves the settings of now over the ones the project was opened with, never an upload', () => {
    const docs = createDocumentStore(newProject(network, 'test'));
    const settings = settingsFor({ dataset: { source: 'builtin', name: 'f1d' }, hyperparameters: { eta: 0.25 }, seed: 42 });
    const saved = withTrainingSettings(docs.getState(), settings);
    expect(saved.meta).toMatchObject({ dataset: { source: 'builtin', name: 'f1d' }, seed: 42, hyperparameters: { eta: 0.25 } });
    expect(saved.doc).toBe(docs.getState().doc);
    const upload = settingsFor({ dataset: { source: 'upload', kind: 'examples', name: 'rows', task: 'regression', inputs: [[0]], targets: [[1]] } });
    expect(withTrainingSettings(docs.getState(), upload).meta.dataset).toBeNull();
  });
});
