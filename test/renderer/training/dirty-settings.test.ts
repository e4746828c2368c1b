/**
 * The training settings are part of the project's unsaved state: a new η,
 * seed or dataset marks it, Save clears the mark, opening a project starts
 * clean, and a run's progress never marks it. The real stores, linked as the
 * app links them (renderer/app/App.tsx, use-persistence.ts, training/track-settings.ts).
 */
import { describe, expect, it } from 'vitest';
import { findLesson, lessonProject } from '../../../engine/lessons/index';
import { loadProject, type Project } from '../../../engine/project';
import { projectText } from '../../../renderer/app/files';
import { linkTraining, settingsOfProject, withTrainingSettings } from '../../../renderer/app/training-link';
import type { TrainerConnection } from '../../../renderer/platform/host';
import { createDocumentStore, isDirty } from '../../../renderer/store/document-store';
import { settingsFingerprint, settingsFor } from '../../../renderer/training/settings';
import { createTrainingStore } from '../../../renderer/training/store';
import { trackTrainingSettings } from '../../../renderer/training/track-settings';

const silent = (): TrainerConnection => ({ post: () => {}, onEvent: () => () => {}, dispose: () => {} });

function lesson(id: string): Project {
  const l = findLesson(id);
  if (!l) throw new Error(`no lesson ${id}`);
  return lessonProject(l);
}

/** The app's stores; `trackFirst` registers the tracker before the training link (the order must not matter). */
function app(project: Project, trackFirst = false) {
  const docs = createDocumentStore(project);
  const training = createTrainingStore(silent, settingsOfProject(docs.getState().meta));
  const links = trackFirst ? [trackTrainingSettings(training, docs, settingsOfProject), linkTraining(training, docs)] : [linkTraining(training, docs), trackTrainingSettings(training, docs, settingsOfProject)];
  return { docs, training, dirty: () => isDirty(docs.getState()), unlink: () => links.forEach((f) => f()) };
}

describe('training settings and unsaved changes', () => {
  it('a new η marks the project, Save clears it, and η back to the saved value clears it again', () => {
    const { docs, training, dirty } = app(lesson('learn-f'));
    const eta = training.getState().settings.hyperparameters.eta;
    expect(dirty()).toBe(false);
    training.getState().setHyperparameters({ eta: eta / 10 });
    expect(dirty()).toBe(true);
    // The same value again is no change.
    training.getState().setHyperparameters({ eta: eta / 10 });
    expect(dirty()).toBe(true);
    training.getState().setHyperparameters({ eta });
    expect(dirty()).toBe(false);
    training.getState().setHyperparameters({ eta: 0.02 });
    docs.getState().markSaved({ name: 'f.neuroloom.json', path: null });
    expect(dirty()).toBe(false);
    // What was saved is now the reference: going back to the lesson's η is a change.
    training.getState().setHyperparameters({ eta });
    expect(dirty()).toBe(true);
  });

  it('the dataset and the seed mark it; whether Train draws fresh weights (not saved in a file) does not', () => {
    const { training, dirty } = app(lesson('learn-f'));
    training.getState().setInitialise(!training.getState().settings.initialise);
    expect(dirty()).toBe(false);
    training.getState().setSeed(training.getState().settings.seed + 1);
    expect(dirty()).toBe(true);

    const other = app(lesson('learn-f'));
    other.training.getState().setDataset({ source: 'builtin', name: 'xor' });
    expect(other.dirty()).toBe(true);
    other.training.getState().setDataset({ source: 'builtin', name: 'f1d' });
    expect(other.training.getState().settings.dataset).toEqual(settingsOfProject(other.docs.getState().meta).dataset);
    expect(other.dirty()).toBe(false);
  });

  it('a run going on changes nothing that is saved', () => {
    const { training, dirty } = app(lesson('learn-f'));
    training.setState({
      status: 'running',
      progress: { type: 'progress', epoch: 3, epochs: 200, batch: 7, batchesPerEpoch: 20, examplesSeen: 400, cost: 0.1 } as never,
      position: { epoch: 3, batch: 7, batchesPerEpoch: 20 },
      stepsInFlight: 2,
    });
    training.setState({ status: 'paused', error: 'something', divergence: null });
    expect(dirty()).toBe(false);
  });

  for (const trackFirst of [false, true]) {
    it(`opening another project starts clean with its own settings (tracker ${trackFirst ? 'before' : 'after'} the training link)`, () => {
      const { docs, training, dirty } = app(lesson('learn-f'), trackFirst);
      training.getState().setHyperparameters({ eta: 123 });
      expect(dirty()).toBe(true);
      docs.getState().replace(lesson('digits'), null);
      expect(training.getState().settings.hyperparameters.eta).toBe(0.5);
      expect(dirty()).toBe(false);
      training.getState().setHyperparameters({ lambda: 1 });
      expect(dirty()).toBe(true);
    });
  }

  it('the fingerprint is what a saved file keeps: a project saved and opened again has the same one', () => {
    const { docs, training } = app(lesson('learn-f'));
    training.getState().setHyperparameters({ eta: 0.02, batchSize: 7 });
    training.getState().setSeed(77);
    const text = projectText(withTrainingSettings(docs.getState(), training.getState().settings));
    const reopened = loadProject(JSON.parse(text));
    expect(settingsFingerprint(settingsOfProject(reopened))).toBe(settingsFingerprint(training.getState().settings));
    // And a different value does not share it.
    expect(settingsFingerprint(settingsOfProject({ ...reopened, seed: 78 }))).not.toBe(settingsFingerprint(training.getState().settings));
  });

  it('does not depend on the order of the keys', () => {
    const a = settingsFor({ dataset: { source: 'builtin', name: 'xor' }, hyperparameters: { eta: 1, lambda: 2 }, seed: 3 });
    const reversed = Object.fromEntries(Object.entries(a.hyperparameters).reverse()) as typeof a.hyperparameters;
    expect(Object.keys(reversed)).not.toEqual(Object.keys(a.hyperparameters));
    expect(settingsFingerprint({ ...a, hyperparameters: reversed })).toBe(settingsFingerprint(a));
    expect(settingsFingerprint({ ...a, hyperparameters: { ...a.hyperparameters, eta: 1.5 } })).not.toBe(settingsFingerprint(a));
  });
});
