/**
 * The project file: a network document plus everything needed to pick the
 * work up again: dataset choice, hyperparameters, seed and view settings.
 */
import { z } from 'zod';
import { finiteNumber as finite } from './schema';
import { COST_NAMES } from './costs';
import { DocumentError, type NetworkDocument } from './document';
import { printable } from './errors';
import { INIT_NAMES } from './init';
import { loadNetwork } from './migrate';
import { OPTIMIZER_NAMES } from './optimizers';
import { BOOK_RECIPES } from './recipes';

export const PROJECT_FORMAT = 'neuroloom-project';
export const PROJECT_VERSION = 1;


export const hyperparametersSchema = z.object({
  eta: finite.refine((v) => v > 0, { message: 'must be positive' }),
  batchSize: z.number().int().min(1).max(1_000_000),
  epochs: z.number().int().min(1).max(1_000_000),
  lambda: finite.refine((v) => v >= 0, { message: 'must be >= 0' }),
  optimizer: z.enum(OPTIMIZER_NAMES),
  momentum: finite.optional(),
  init: z.enum(INIT_NAMES),
  shuffle: z.enum(['seeded', 'none']),
  precision: z.enum(['float64', 'float32']),
  /** Overrides the Output node's cost when set. */
  cost: z.enum(COST_NAMES).optional(),
  /** Recurrent networks: scale a mini-batch gradient longer than this down to this length; absent = no clipping. */
  clipNorm: finite.refine((v) => v > 0, { message: 'must be positive' }).optional(),
  /** Recurrent networks: b_r, the LSTM rem gate's bias, when the weights are (re)randomised (default 1). */
  remBias: finite.optional(),
});
export type Hyperparameters = z.infer<typeof hyperparametersSchema>;

/** A dataset a project names: built in, or a file on disk. */
/**
 * Settings of a generated sequence set (noisy-sine, adding, delayed-recall);
 * what a set does not use it ignores, and what is absent takes the set's default.
 */
export const sequenceSettingsSchema = z.object({
  /** Sequences in the training set. */
  count: z.number().int().min(1).max(100_000).optional(),
  /** Steps per sequence. */
  length: z.number().int().min(2).max(10_000).optional(),
  /** delayed-recall: the delay k. */
  delay: z.number().int().min(1).max(1000).optional(),
  /** delayed-recall: symbols (one-hot). */
  symbols: z.number().int().min(2).max(26).optional(),
  /** delayed-recall: one target at the last step, or one at every step from k on. */
  targets: z.enum(['last', 'every']).optional(),
});
export type SequenceSettings = z.infer<typeof sequenceSettingsSchema>;

export const savedDatasetChoiceSchema = z.union([
  z.object({ source: z.literal('builtin'), name: z.string().min(1).max(100), sequence: sequenceSettingsSchema.optional() }),
  z.object({ source: z.literal('file'), path: z.string().min(1).max(4096), testPath: z.string().max(4096).optional() }),
]);
export type SavedDatasetChoice = z.infer<typeof savedDatasetChoiceSchema>;

/** The most bytes one uploaded data file may have (an IDX file of 60,000 images is 47 MB). */
export const MAX_UPLOAD_BYTES = 512 * 2 ** 20;
const uploadBytes = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'expected the bytes of a file (a Uint8Array)' })
  .refine((b) => b.length > 0, { message: 'is empty' })
  .refine((b) => b.length <= MAX_UPLOAD_BYTES, { message: `is more than ${MAX_UPLOAD_BYTES / 2 ** 20} MiB` });
const uploadName = z.string().min(1).max(500);

/** Rows of numbers (a lesson's own examples): at most this many. */
export const MAX_UPLOAD_ROWS = 100_000;
const rows = z.array(z.array(finite).min(1).max(10_000)).min(1).max(MAX_UPLOAD_ROWS);

/**
 * Data that travels with the start request instead of being read by the
 * trainer: the bytes of files a browser's file picker handed over, or a
 * lesson's own few examples. Never saved in a project.
 */
export const uploadedDatasetSchema = z.union([
  z.object({
    source: z.literal('upload'),
    kind: z.literal('csv'),
    name: uploadName,
    bytes: uploadBytes,
    test: z.object({ name: uploadName, bytes: uploadBytes }).optional(),
  }),
  /** One row per step, grouped by a "sequence" column (engine/recurrent/sequence-csv.ts): for a network with an LSTM or recurrent node. */
  z.object({
    source: z.literal('upload'),
    kind: z.literal('sequence-csv'),
    name: uploadName,
    bytes: uploadBytes,
    test: z.object({ name: uploadName, bytes: uploadBytes }).optional(),
  }),
  z.object({
    source: z.literal('upload'),
    kind: z.literal('idx'),
    name: uploadName,
    images: z.object({ name: uploadName, bytes: uploadBytes }),
    labels: z.object({ name: uploadName, bytes: uploadBytes }),
    test: z
      .object({ images: z.object({ name: uploadName, bytes: uploadBytes }), labels: z.object({ name: uploadName, bytes: uploadBytes }) })
      .optional(),
  }),
  z.object({
    source: z.literal('upload'),
    kind: z.literal('examples'),
    name: uploadName,
    task: z.enum(['classification', 'regression']),
    inputs: rows,
    targets: rows,
  }),
]);
export type UploadedDataset = z.infer<typeof uploadedDatasetSchema>;

/** What a trainer is asked to train on. */
export const datasetChoiceSchema = z.union([...savedDatasetChoiceSchema.options, ...uploadedDatasetSchema.options]);
export type DatasetChoice = z.infer<typeof datasetChoiceSchema>;

const projectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  name: z.string().max(500),
  network: z.unknown(),
  dataset: savedDatasetChoiceSchema.nullable(),
  hyperparameters: hyperparametersSchema,
  seed: z.number().int().min(0).max(0xffffffff),
  view: z.record(z.string(), z.unknown()),
});

export interface Project {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  name: string;
  network: NetworkDocument;
  dataset: SavedDatasetChoice | null;
  hyperparameters: Hyperparameters;
  seed: number;
  /** Free-form per-view settings (open panels, zoom, chart choices). */
  view: Record<string, unknown>;
}

/** network2.py's recipe: the defaults a new project starts from. */
export const DEFAULT_HYPERPARAMETERS: Hyperparameters = BOOK_RECIPES.network2.hyperparameters;

export function newProject(network: NetworkDocument, name = 'Untitled', partial: Partial<Omit<Project, 'network' | 'format' | 'version'>> = {}): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name,
    network,
    dataset: null,
    hyperparameters: { ...DEFAULT_HYPERPARAMETERS },
    seed: 1,
    view: {},
    ...partial,
  };
}

/** Validates a parsed project (any known version), migrating older versions. */
export function loadProject(raw: unknown): Project {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DocumentError('not a project: expected a JSON object');
  const obj = raw as Record<string, unknown>;
  if (obj.format !== PROJECT_FORMAT) throw new DocumentError(`not a project: "format" should be "${PROJECT_FORMAT}"`);
  if (typeof obj.version === 'number' && obj.version > PROJECT_VERSION) {
    throw new DocumentError(
      `this project is version ${obj.version}, made by a newer Neuroloom; this build reads versions up to ${PROJECT_VERSION}. Update Neuroloom to open it.`,
    );
  }
  const parsed = projectSchema.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DocumentError(`project ${issue.path.map(String).join('.') || 'document'}: ${issue.message}`);
  }
  return { ...parsed.data, network: loadNetwork(parsed.data.network) } as Project;
}

/**
 * Serialises a project. JSON would write NaN and Infinity as null without a
 * word, so a non-finite number is refused here instead.
 */
export function serialiseProject(project: Project): string {
  return JSON.stringify(project, (key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new DocumentError(`cannot save: "${key}" is ${value}; a saved network must hold finite numbers`);
    }
    return value;
  }, 1);
}

/** Parses JSON text with a message that names the file. */
export function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = printable((e as Error).message);
    throw new DocumentError(`${fileName}: not valid JSON (${reason})${text.length === 0 ? ': the file is empty' : ''}`);
  }
}
