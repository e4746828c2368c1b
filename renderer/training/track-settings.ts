/**
 * The training settings belong to the project: a new η, seed or dataset
 * marks it unsaved, Save clears the mark. The document store keeps the mark
 * (a fingerprint of the settings now and as last opened or saved); this
 * tells it when the settings change. Only the settings object is watched, so
 * a run's progress never marks the project.
 */
import type { StoreApi } from 'zustand/vanilla';
import { settingsFingerprint, type TrainingSettings } from './settings';
import type { TrainingStore } from './store';

/** What this needs of the document store (renderer/store/document-store.ts). */
export interface SettingsMarks<Meta> {
  revision: number;
  meta: Meta;
  setSettingsKey(key: string, asSaved?: boolean): void;
}

/**
 * Keeps the document store told until the returned function is called.
 * Opening a project (a new revision) makes its own settings the saved ones:
 * `settingsOf` must give the settings the training store takes for it, so
 * it does not matter which of the two stores hears of the project first.
 */
export function trackTrainingSettings<Meta>(training: TrainingStore, docs: StoreApi<SettingsMarks<Meta>>, settingsOf: (meta: Meta) => TrainingSettings): () => void {
  docs.getState().setSettingsKey(settingsFingerprint(training.getState().settings), true);
  let revision = docs.getState().revision;
  const unDocs = docs.subscribe((s) => {
    if (s.revision === revision) return;
    revision = s.revision;
    s.setSettingsKey(settingsFingerprint(settingsOf(s.meta)), true);
  });
  const unTraining = training.subscribe((s, prev) => {
    if (s.settings !== prev.settings) docs.getState().setSettingsKey(settingsFingerprint(s.settings));
  });
  return () => {
    unDocs();
    unTraining();
  };
}
