/**
 * Data files a user picked in the browser (no paths, only names and bytes):
 * pairing the files into an upload choice, and decoding that choice into
 * datasets with the engine's readers. Pure, so the worker, the renderer's
 * views and the tests share it. Every error names the file at fault.
 */
import { csvDataset } from './csv';
import { oneHot, type Dataset } from './dataset';
import { DataError } from './errors';
import { gunzipHead, gunzipLimited, isGzip } from './gzip';
import { FASHION_MNIST_CLASSES, idxDataset } from './idx';
import type { LoadedDataset, SequenceSplit } from './loaded';
import { InputError } from '../errors';
import { examplesDataset } from '../lessons/data';
import type { LessonExamples } from '../lessons/types';
import { MAX_UPLOAD_BYTES, type UploadedDataset } from '../project';
import { CSV_HEAD_CHARS, hasSequenceColumn, pairSequenceSets, sequenceCsvDataset } from '../recurrent/sequence-csv';

export type SequenceUpload = Extract<UploadedDataset, { kind: 'sequence-csv' }>;

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** MNIST's names: train-images-idx3-ubyte[.gz], also Kaggle's train-images.idx3-ubyte. */
const IDX_NAME = /^(.*?)(images|labels)[-.]idx([13])-ubyte(\.gz)?$/i;
const CSV_NAME = /\.csv(\.gz)?$/i;
const TEST_NAME = /(^|[^a-z])(test|t10k|val|valid|validation)([^a-z]|$)/i;

/** The picked files as one upload choice, or an InputError that says what to pick. */
export function uploadFromFiles(files: readonly PickedFile[]): UploadedDataset {
  if (files.length === 0) throw new InputError('no file was chosen');
  for (const f of files) {
    if (f.bytes.length === 0) throw new DataError(f.name, 'is empty');
    if (f.bytes.length > MAX_UPLOAD_BYTES) throw new DataError(f.name, `is more than the ${MAX_UPLOAD_BYTES / 2 ** 20} MiB limit`);
  }
  const csv = files.filter((f) => CSV_NAME.test(f.name));
  if (csv.length > 0) {
    if (csv.length !== files.length) throw new InputError('choose either CSV files or IDX files, not both');
    if (csv.length > 2) throw new InputError(`${csv.length} CSV files were chosen: choose one, or a training and a test file`);
    const [train, test] = orderTrainTest(csv);
    // A "sequence" column in the header makes the file sequences, one row per step.
    const kind = hasSequenceColumn(csvHead(train.name, train.bytes)) ? 'sequence-csv' : 'csv';
    return test
      ? { source: 'upload', kind, name: train.name, bytes: train.bytes, test: { name: test.name, bytes: test.bytes } }
      : { source: 'upload', kind, name: train.name, bytes: train.bytes };
  }
  return idxUpload(files);
}

function orderTrainTest<T extends { name: string }>(two: readonly T[]): [T, T | undefined] {
  if (two.length === 1) return [two[0], undefined];
  const tests = two.filter((f) => TEST_NAME.test(f.name));
  if (tests.length !== 1) {
    throw new InputError(`${two.map((f) => f.name).join(' and ')}: name the test file with "test" (or "t10k") so the two can be told apart`);
  }
  const test = tests[0];
  return [two.find((f) => f !== test) as T, test];
}

interface IdxFile extends PickedFile {
  kind: 'images' | 'labels';
  prefix: string;
}

function idxKind(f: PickedFile): IdxFile {
  const match = IDX_NAME.exec(f.name);
  if (match) return { ...f, kind: match[2].toLowerCase() as 'images' | 'labels', prefix: match[1].replace(/[-._]+$/, '') };
  // An unusual name: an uncompressed file's magic number still tells images from labels.
  const b = f.bytes;
  if (!isGzip(b) && b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0x08 && (b[3] === 3 || b[3] === 1)) {
    // Such files cannot be paired by name: they make one set between them.
    return { ...f, kind: b[3] === 3 ? 'images' : 'labels', prefix: '' };
  }
  throw new DataError(
    f.name,
    'is neither a .csv file nor an IDX file named as MNIST names them (train-images-idx3-ubyte[.gz] with train-labels-idx1-ubyte[.gz])',
  );
}

function idxUpload(files: readonly PickedFile[]): UploadedDataset {
  const idx = files.map(idxKind);
  const groups = new Map<string, IdxFile[]>();
  for (const f of idx) groups.set(f.prefix.toLowerCase(), [...(groups.get(f.prefix.toLowerCase()) ?? []), f]);
  if (groups.size > 2) throw new InputError(`the chosen IDX files belong to ${groups.size} different sets; choose one pair (or a training and a test pair)`);
  const pairs = [...groups.values()].map((group) => {
    const images = group.filter((f) => f.kind === 'images');
    const labels = group.filter((f) => f.kind === 'labels');
    const name = group[0].name;
    if (images.length !== 1 || labels.length !== 1) {
      const missing = images.length === 0 ? 'its images file' : labels.length === 0 ? 'its labels file' : 'one images and one labels file';
      throw new DataError(name, `an IDX set needs an images file and a labels file: choose ${missing} too (select both files at once)`);
    }
    return { prefix: group[0].prefix, images: { name: images[0].name, bytes: images[0].bytes }, labels: { name: labels[0].name, bytes: labels[0].bytes } };
  });
  const [train, test] = orderTrainTest(pairs.map((p) => ({ ...p, name: p.prefix || p.images.name })));
  const name = train.prefix || train.images.name;
  return test
    ? { source: 'upload', kind: 'idx', name, images: train.images, labels: train.labels, test: { images: test.images, labels: test.labels } }
    : { source: 'upload', kind: 'idx', name, images: train.images, labels: train.labels };
}

/** A lesson's own examples as data for the trainer, or null when they have no targets to learn. */
export function examplesUpload(name: string, examples: LessonExamples): UploadedDataset | null {
  if (!examples.targets) return null;
  return { source: 'upload', kind: 'examples', name, task: examples.task, inputs: examples.inputs, targets: examples.targets };
}

/** Decodes any upload choice: examples, or sequences for a 'sequence-csv' upload. */
export function loadUpload(choice: UploadedDataset): LoadedDataset {
  return choice.kind === 'sequence-csv' ? loadUploadedSequences(choice) : loadUploadedDataset(choice);
}

/** Decodes a sequence CSV upload (and its test file), with errors naming the file. */
export function loadUploadedSequences(choice: SequenceUpload): SequenceSplit {
  const read = (name: string, bytes: Uint8Array, task?: 'classification' | 'regression') =>
    sequenceCsvDataset(csvText(name, bytes), { file: name, name, ...(task ? { task } : {}) });
  const train = read(choice.name, choice.bytes);
  if (!choice.test) return { kind: 'sequences', train, test: null };
  // A test file is read as the training file was: the same task.
  const paired = pairSequenceSets(train, read(choice.test.name, choice.test.bytes, train.task), choice.test.name);
  return { kind: 'sequences', ...paired };
}

/** Decodes an upload choice of examples; a training set and, when test files came with it, a test set. */
export function loadUploadedDataset(choice: UploadedDataset): { train: Dataset; test: Dataset | null } {
  if (choice.kind === 'sequence-csv') {
    throw new DataError(choice.name, 'holds sequences (it has a "sequence" column): it trains a network with an LSTM or recurrent node');
  }
  if (choice.kind === 'examples') {
    const { inputs, targets } = choice;
    const ragged = (rows: number[][]) => rows.some((r) => r.length !== rows[0].length);
    if (inputs.length !== targets.length || ragged(inputs) || ragged(targets)) {
      throw new InputError(`${choice.name}: ${inputs.length} input rows and ${targets.length} target rows, each row of one length, were expected`);
    }
    return { train: examplesDataset(choice.name, { task: choice.task, inputs, targets }), test: null };
  }
  if (choice.kind === 'csv') {
    const train = csvFile(choice.name, choice.bytes);
    if (!choice.test) return { train, test: null };
    const test = csvFile(choice.test.name, choice.test.bytes, train);
    return matchClasses(train, test);
  }
  const fashion = /fashion/i.test(`${choice.name} ${choice.images.name}`);
  const idx = (images: { name: string; bytes: Uint8Array }, labels: { name: string; bytes: Uint8Array }, name: string): Dataset =>
    idxDataset(images.bytes, labels.bytes, {
      name,
      imagesFile: images.name,
      labelsFile: labels.name,
      ...(fashion ? { classNames: FASHION_MNIST_CLASSES } : {}),
    });
  const train = idx(choice.images, choice.labels, `${choice.name} (train)`);
  if (!choice.test) return { train, test: null };
  const test = idx(choice.test.images, choice.test.labels, `${choice.name} (test)`);
  if (test.inputSize !== train.inputSize) {
    throw new DataError(choice.test.images.name, `its images have ${test.inputSize} pixels but ${choice.images.name}'s have ${train.inputSize}`);
  }
  return { train, test };
}

function csvFile(name: string, bytes: Uint8Array, like?: Dataset): Dataset {
  // A test file is read as the training file was: the same task.
  return csvDataset(csvText(name, bytes), { file: name, name, ...(like ? { task: like.task } : {}) });
}

/** A CSV file's bytes (gzipped or not) as text. */
function csvText(name: string, bytes: Uint8Array): string {
  const raw = isGzip(bytes) ? gunzipLimited(bytes, { file: name, maxBytes: MAX_UPLOAD_BYTES }) : bytes;
  return utf8(name, raw, true);
}

/** The start of a CSV file, enough for its header, without inflating all of a gzipped one. */
function csvHead(name: string, bytes: Uint8Array): string {
  const raw = isGzip(bytes) ? gunzipHead(bytes, { file: name, bytes: 4 * CSV_HEAD_CHARS }) : bytes.subarray(0, 4 * CSV_HEAD_CHARS);
  // The cut may fall inside a character: a partial one at the end is not an error.
  const cut = isGzip(bytes) || raw.length < bytes.length;
  return utf8(name, raw, !cut);
}

function utf8(name: string, raw: Uint8Array, whole: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw, { stream: !whole });
  } catch {
    throw new DataError(name, 'is not UTF-8 text (is it really a CSV file?)');
  }
}

/** A test CSV may lack the highest classes: both sets get the larger number of outputs. */
function matchClasses(train: Dataset, test: Dataset): { train: Dataset; test: Dataset } {
  if (test.inputSize !== train.inputSize) {
    throw new DataError(test.name, `has ${test.inputSize} input columns but ${train.name} has ${train.inputSize}`);
  }
  if (train.task === 'regression' || train.outputSize === test.outputSize) return { train, test };
  const classes = Math.max(train.outputSize, test.outputSize);
  const widen = (d: Dataset): Dataset =>
    d.outputSize === classes || !d.labels
      ? d
      : { ...d, outputSize: classes, y: oneHot(d.labels, classes), classNames: Array.from({ length: classes }, (_, i) => String(i)) };
  return { train: widen(train), test: widen(test) };
}
