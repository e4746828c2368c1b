/**
 * What a run is started with, as the training panel edits it: the dataset,
 * the hyperparameters and the seed. A project saves all but an uploaded
 * file's bytes (savedSettings), and a lesson may bring its own defaults.
 */
import { catalogEntry } from '../../engine/datasets/catalog';
import { DEFAULT_HYPERPARAMETERS, type DatasetChoice, type Hyperparameters, type SavedDatasetChoice } from '../../engine/project';

/** The name of a lesson's own rows as a dataset (the picker's choice, and what opening a lesson picks). */
export const EXAMPLES_NAME = 'the lesson’s examples';

export interface TrainingSettings {
  dataset: DatasetChoice | null;
  hyperparameters: Hyperparameters;
  seed: number;
  /** Train draws fresh weights from the seed first (else it trains the weights on the canvas). */
  initialise: boolean;
}

export const DEFAULT_SETTINGS: TrainingSettings = {
  dataset: null,
  hyperparameters: { ...DEFAULT_HYPERPARAMETERS },
  seed: 1,
  initialise: false,
};

/** Settings with a lesson's (or a project's) choices laid over the defaults. */
export function settingsFor(partial: {
  dataset?: DatasetChoice | null;
  hyperparameters?: Partial<Hyperparameters>;
  seed?: number;
  initialise?: boolean;
}): TrainingSettings {
  return {
    dataset: partial.dataset === undefined ? DEFAULT_SETTINGS.dataset : partial.dataset,
    hyperparameters: { ...DEFAULT_HYPERPARAMETERS, ...partial.hyperparameters },
    seed: partial.seed ?? DEFAULT_SETTINGS.seed,
    initialise: partial.initialise ?? DEFAULT_SETTINGS.initialise,
  };
}

/** What a project file keeps: an uploaded file's bytes are not saved (the browser has no path to it). */
export function savedSettings(s: TrainingSettings): { dataset: SavedDatasetChoice | null; hyperparameters: Hyperparameters; seed: number } {
  const dataset = s.dataset && s.dataset.source !== 'upload' ? s.dataset : null;
  return { dataset, hyperparameters: s.hyperparameters, seed: s.seed };
}

/**
 * What a project file keeps of the settings, as one string that two equal
 * settings share whatever the order of their keys: the project is unsaved
 * when it changes. Whether Train draws fresh weights is not saved, so it is
 * not in it; an uploaded file is not saved either (see savedSettings).
 */
export function settingsFingerprint(s: TrainingSettings): string {
  return canonicalJson(savedSettings(s));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A short name for a dataset choice, for run labels and the picker. */
export function datasetLabel(choice: DatasetChoice | null): string {
  if (!choice) return 'no dataset';
  switch (choice.source) {
    case 'builtin':
      return catalogEntry(choice.name)?.label ?? choice.name;
    case 'file':
      return choice.path.split(/[\\/]/).pop() ?? choice.path;
    case 'upload':
      return choice.name;
  }
}

/** One line that tells two runs apart: "η 0.5 · λ 5 · batch 10 · seed 1". */
export function describeHyperparameters(hp: Hyperparameters, seed: number): string {
  const parts = [`η ${hp.eta}`, `λ ${hp.lambda}`, `batch ${hp.batchSize}`];
  if (hp.optimizer !== 'sgd') parts.push(hp.optimizer);
  if (hp.cost) parts.push(hp.cost);
  parts.push(`seed ${seed}`);
  return parts.join(' · ');
}

/** A new seed for "Re-randomise": any 32-bit number, from the platform's generator (never the engine's). */
export function freshSeed(previous: number): number {
  const buf = new Uint32Array(1);
  do crypto.getRandomValues(buf);
  while (buf[0] === previous);
  return buf[0];
}
