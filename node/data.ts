/**
 * Data from disk (IDX pairs as MNIST names them, CSV, CSV of sequences) and
 * by built-in name. Sizes are checked with stat before a byte is read; every
 * error is a DataError naming the file.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sliceDataset, type Dataset } from '../engine/datasets/dataset';
import { csvDataset, type CsvOptions } from '../engine/datasets/csv';
import { DataError, DEFAULT_MAX_BYTES, formatBytes } from '../engine/datasets/errors';
import { gunzipLimited } from '../engine/datasets/gzip';
import { FASHION_MNIST_CLASSES, idxDataset } from '../engine/datasets/idx';
import { generateBuiltin } from '../engine/datasets/builtin';
import { CATALOG } from '../engine/datasets/catalog';
import type { LoadedDataset } from '../engine/datasets/loaded';
import { isSequenceSetName, loadBuiltinSequence } from '../engine/datasets/sequence-sets';
import type { SequenceDataset } from '../engine/datasets/sequences';
import type { SequenceSettings } from '../engine/project';
import { hasSequenceColumn, pairSequenceSets, sequenceCsvDataset } from '../engine/recurrent/sequence-csv';
import { loadDigits } from './digits';

/** A CSV bigger than this is refused before reading (a JS string tops out near 512 MB). */
export const CSV_MAX_FILE_BYTES = 256 * 2 ** 20;

export interface LoadOptions {
  /** Most bytes a data file may have, compressed or not, and inflate to (default 1 GiB). */
  maxBytes?: number;
  /** Number type of IDX pixels (see idxDataset). */
  precision?: 'float32' | 'float64';
  /** Passed to the CSV reader (target column, task, header). */
  csv?: Omit<CsvOptions, 'file'>;
}

/** `train-images-idx3-ubyte.gz`, also with a dot as Kaggle writes `train-images.idx3-ubyte`. */
const IDX_NAME = /^(.*?)(images|labels)([-.])idx([13])-ubyte(\.gz)?$/i;

export interface IdxPair {
  images: string;
  labels: string;
  /** What comes before "images"/"labels": "train-", "t10k-". */
  prefix: string;
}

/** The images/labels pair a path belongs to, or null if the name is not MNIST's. */
export function idxPair(path: string): IdxPair | null {
  const match = IDX_NAME.exec(basename(path));
  if (!match) return null;
  const [, prefix, kind, sep, , gz] = match;
  const dir = dirname(path);
  const name = (k: 'images' | 'labels', ext: string): string =>
    join(dir, `${prefix}${k}${sep}idx${k === 'images' ? 3 : 1}-ubyte${ext}`);
  const self = kind.toLowerCase() as 'images' | 'labels';
  const other = self === 'images' ? 'labels' : 'images';
  // The partner may be gzipped when this one is not, or the other way round.
  const candidates = [name(other, gz ?? ''), name(other, gz ? '' : '.gz')];
  const partner = candidates.find((p) => statOrNull(p)?.isFile()) ?? candidates[0];
  return self === 'images' ? { images: path, labels: partner, prefix } : { images: partner, labels: path, prefix };
}

/** One data file: an IDX images or labels file (with its partner beside it), or a CSV of examples. */
export function loadDataFile(path: string, options: LoadOptions = {}): Dataset {
  const file = loadAnyDataFile(path, options);
  if (file.kind === 'sequences') {
    throw new DataError(path, 'holds sequences (its header names a "sequence" column): it trains a network with an LSTM or recurrent node');
  }
  return file.data;
}

export type DataFile = { kind: 'examples'; data: Dataset } | { kind: 'sequences'; data: SequenceDataset };

/**
 * One data file of either kind. A CSV whose header names a "sequence" column
 * is sequences, one row per step (engine/recurrent/sequence-csv.ts); any
 * other CSV is examples, one row each.
 */
export function loadAnyDataFile(path: string, options: LoadOptions = {}): DataFile {
  const pair = idxPair(path);
  if (pair) return { kind: 'examples', data: loadIdxPair(pair, options) };
  if (isCsvPath(path)) {
    const bytes = readChecked(path, Math.min(options.maxBytes ?? DEFAULT_MAX_BYTES, CSV_MAX_FILE_BYTES));
    const raw = path.toLowerCase().endsWith('.gz') ? gunzipLimited(bytes, { file: path, maxBytes: CSV_MAX_FILE_BYTES }) : bytes;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw new DataError(path, 'is not UTF-8 text');
    }
    if (hasSequenceColumn(text)) return { kind: 'sequences', data: sequenceCsvDataset(text, { file: path, name: basename(path), ...sequenceTask(options) }) };
    return { kind: 'examples', data: csvDataset(text, { name: basename(path), ...options.csv, file: path }) };
  }
  throw new DataError(
    path,
    'is not a data file this program reads: expected a .csv file or an IDX file named as MNIST names them (train-images-idx3-ubyte[.gz] beside train-labels-idx1-ubyte[.gz])',
  );
}

/** The CSV options a sequence CSV shares with an example CSV: the target column and the task. */
function sequenceTask(options: LoadOptions): { target?: string; task?: 'classification' | 'regression' } {
  const { target, task } = options.csv ?? {};
  // A sequence CSV names its target column; an index means nothing there.
  return { ...(typeof target === 'string' ? { target } : {}), ...(task ? { task } : {}) };
}

function loadIdxPair(pair: IdxPair, options: LoadOptions): Dataset {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const images = readChecked(pair.images, maxBytes, `the images file beside ${basename(pair.labels)}`);
  const labels = readChecked(pair.labels, maxBytes, `the labels file beside ${basename(pair.images)}`);
  const folder = basename(dirname(pair.images));
  const fashion = /fashion/i.test(pair.images);
  const split = pair.prefix.replace(/[-._]+$/, '') || 'data';
  return idxDataset(images, labels, {
    name: `${folder}/${split}`,
    imagesFile: pair.images,
    labelsFile: pair.labels,
    maxBytes,
    precision: options.precision,
    ...(fashion ? { classNames: FASHION_MNIST_CLASSES } : {}),
  });
}

export interface ResolveOptions extends LoadOptions {
  seed?: number;
  /** Built-in sets: how many to generate; files: keep at most this many. */
  trainCount?: number;
  testCount?: number;
  /** Function and toy sets: noise (see engine/datasets/functions.ts and toy.ts). */
  noise?: number;
}

/**
 * A built-in name (generated with the seed; digits read from the mnist
 * package) or a path. For an IDX training pair with its t10k pair beside it,
 * that pair is the test set; other files have no test set.
 */
export function resolveDataset(nameOrPath: string, options: ResolveOptions = {}): { train: Dataset; test: Dataset | null } {
  const { seed = 0, trainCount, testCount } = options;
  if (nameOrPath === 'digits') return loadDigits({ seed, trainCount, testCount });
  const generated = generateBuiltin(nameOrPath, { seed, trainCount, testCount, noise: options.noise });
  if (generated) return generated;

  if (!statOrNull(nameOrPath)) {
    throw new DataError(
      nameOrPath,
      `is neither a built-in dataset (${CATALOG.map((e) => e.name).join(', ')}) nor a file that exists`,
    );
  }
  const train = limit(loadDataFile(nameOrPath, options), trainCount);
  let test: Dataset | null = null;
  const pair = idxPair(nameOrPath);
  if (pair && /^train/i.test(pair.prefix)) {
    const t10k = idxPair(join(dirname(pair.images), basename(pair.images).replace(/^train/i, 't10k')));
    if (t10k && statOrNull(t10k.images)?.isFile() && statOrNull(t10k.labels)?.isFile()) {
      test = limit(loadIdxPair(t10k, options), testCount);
      if (test.inputSize !== train.inputSize || test.outputSize !== train.outputSize) {
        throw new DataError(t10k.images, `its images are not the shape of ${basename(pair.images)}'s`);
      }
    }
  }
  return { train, test };
}

export interface ResolveAnyOptions extends ResolveOptions {
  /** Settings of a generated sequence set (noisy-sine, adding, delayed-recall). */
  sequence?: SequenceSettings;
  /** A test file to use instead of the set's own test set; of the same kind as the training data. */
  testPath?: string;
}

/**
 * Examples or sequences by built-in name or path: what resolveDataset does,
 * plus the generated sequence sets and CSV files of sequences.
 */
export function resolveData(nameOrPath: string, options: ResolveAnyOptions = {}): LoadedDataset {
  const { seed = 0, testPath } = options;
  const testFile = (): DataFile | null => (testPath === undefined ? null : loadAnyDataFile(testPath, options));
  let data: LoadedDataset;
  if (isSequenceSetName(nameOrPath)) {
    data = { kind: 'sequences', ...loadBuiltinSequence(nameOrPath, options.sequence, seed) };
  } else if (isCsvPath(nameOrPath) && !isBuiltinName(nameOrPath) && statOrNull(nameOrPath)) {
    // Only IDX training files have a test pair beside them: a CSV is read once, here.
    const file = loadAnyDataFile(nameOrPath, options);
    data = file.kind === 'sequences' ? { kind: 'sequences', train: file.data, test: null } : { train: limit(file.data, options.trainCount), test: null };
  } else {
    data = resolveDataset(nameOrPath, options);
  }
  const test = testFile();
  if (!test) return data;
  if (data.kind === 'sequences') {
    if (test.kind !== 'sequences') throw new DataError(testPath as string, `holds examples, but the training data ${data.train.name} are sequences`);
    return { kind: 'sequences', ...pairSequenceSets(data.train, test.data, testPath) };
  }
  if (test.kind !== 'examples') throw new DataError(testPath as string, `holds sequences, but the training data ${data.train.name} are examples`);
  return { train: data.train, test: test.data };
}

function isCsvPath(path: string): boolean {
  return /\.csv(\.gz)?$/i.test(path);
}

function isBuiltinName(name: string): boolean {
  return CATALOG.some((e) => e.name === name);
}

function limit(data: Dataset, count: number | undefined): Dataset {
  return count === undefined || count >= data.count ? data : sliceDataset(data, 0, count);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Reads a whole file after checking, with stat, that it is a file of a sane size. */
function readChecked(path: string, maxBytes: number, role = 'the file'): Uint8Array {
  const stats = statOrNull(path);
  if (!stats) throw new DataError(path, `does not exist (${role})`);
  if (!stats.isFile()) throw new DataError(path, 'is not a file');
  if (stats.size === 0) throw new DataError(path, 'is empty');
  if (stats.size > maxBytes) throw new DataError(path, `is ${formatBytes(stats.size)}, more than the ${formatBytes(maxBytes)} limit`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new DataError(path, `cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}
