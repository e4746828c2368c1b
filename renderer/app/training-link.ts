/**
 * The training store beside the document store. Weights from the trainer go
 * onto the canvas through the document's edit (so they can be undone: one
 * step per run); a project that is opened brings its own dataset,
 * hyperparameters and seed; saving writes the current ones into the file.
 */
import { writeBack, type Plan } from '../../engine/compile';
import type { NetworkDocument } from '../../engine/document';
import type { Project } from '../../engine/project';
import { compiled, rememberCompiled } from '../graph/probe';
import { examplesUpload } from '../../engine/datasets/uploaded';
import { EXAMPLES_NAME, savedSettings, settingsFor, type TrainingSettings } from '../training/settings';
import type { TrainingStore, WeightSnapshot } from '../training/store';
import { parameterLayout, weightsIntoDocument } from '../training/weights';
import { isRecurrentNetwork } from '../../engine/recurrent/network';
import type { DocumentStore, ProjectMeta, Snapshot } from '../store/document-store';
import { readViewState } from '../store/view-state';

/** The training settings a project (or a lesson opened as one) starts with. */
export function settingsOfProject(meta: Pick<Project, 'dataset' | 'hyperparameters' | 'seed' | 'view'>): TrainingSettings {
  const examples = readViewState(meta.view).examples;
  // A lesson whose own rows have targets trains on them when it names no dataset.
  const dataset = meta.dataset ?? (examples ? examplesUpload(EXAMPLES_NAME, examples) : null);
  return settingsFor({ dataset, hyperparameters: meta.hyperparameters, seed: meta.seed });
}

/** The project as it is saved: the document, with the training settings of now. */
export function withTrainingSettings(snapshot: Snapshot, settings: TrainingSettings): Snapshot {
  const meta: ProjectMeta = { ...snapshot.meta, ...savedSettings(settings) };
  return { doc: snapshot.doc, meta };
}

/**
 * `doc` with the snapshot's parameters, or `doc` itself when they do not fit
 * it any more (its structure changed since the run started). It starts from
 * the plan the canvas already compiled and hands the new plan to the cache:
 * ten times a second, a 784-30-10 network is not compiled twice each time.
 */
export function withWeights(doc: NetworkDocument, w: Pick<WeightSnapshot, 'params' | 'layout'>): NetworkDocument {
  // A recurrent network is small (its cost is in the time steps): writing back from scratch is cheap.
  if (isRecurrentNetwork(doc)) return weightsIntoDocument(doc, w.params, w.layout) ?? doc;
  const c = compiled(doc);
  if (!c.plan || c.plan.params.length !== w.params.length || parameterLayout(c.plan) !== w.layout) return doc;
  const plan: Plan = { ...c.plan, params: Float64Array.from(w.params) };
  const next = writeBack(plan);
  rememberCompiled(next, { ...plan, source: next });
  return next;
}

/**
 * Keeps the two stores in step until the returned function is called.
 * A new undo step starts when a run starts, when weights go back to an
 * earlier point (Reset to initial weights) and for every Re-randomise.
 */
export function linkTraining(training: TrainingStore, docs: DocumentStore): () => void {
  let step = 0;
  let last: WeightSnapshot | null = null;
  const newStep = (w: WeightSnapshot): boolean =>
    last === null || w.runId === null || w.runId !== last.runId || w.epoch < last.epoch || (w.epoch === last.epoch && w.batch < last.batch);

  const unWeights = training.subscribe((s, prev) => {
    const w = s.weights;
    if (!w || w === prev.weights) return;
    if (newStep(w)) step++;
    last = w;
    docs.getState().edit(w.runId === null ? 'Re-randomise' : 'Training', ({ doc }) => withWeights(doc, w), {
      coalesce: `training-${step}`,
    });
  });

  let revision = docs.getState().revision;
  const unDocs = docs.subscribe((s) => {
    if (s.revision === revision) return;
    revision = s.revision;
    last = null;
    training.getState().startAfresh(settingsOfProject(s.meta));
  });

  return () => {
    unWeights();
    unDocs();
  };
}
