/**
 * CSV of sequences -> SequenceDataset. One row per step, in order, with a
 * header naming the columns:
 *
 *   sequence,x1,x2,target
 *   a,0.1,0.7,
 *   a,0.4,0.2,1
 *   b,0.9,0.3,0
 *
 * The sequence column (default "sequence") groups consecutive rows into one
 * sequence; the target column (default "target" or "label", else the last)
 * holds a number or is empty where a step has no target; every other column
 * is an input feature. When each sequence's only target is on its last row,
 * the set is sequence-to-one, else sequence-to-sequence with a mask.
 * Papaparse splits the text; we check every cell and fill flat arrays as rows
 * arrive, within limits, so a hostile file gives a clear DataError.
 */
import Papa from 'papaparse/papaparse.js';
import type { Task } from '../datasets/dataset';
import { eachCsvRow } from '../datasets/csv-rows';
import { DataError, formatCount } from '../datasets/errors';
import { SEQUENCE_LIMITS, type SequenceDataset } from '../datasets/sequences';
import { printable } from '../errors';

export interface SequenceCsvOptions {
  /** Named in error messages (the file's path or name). */
  file: string;
  name?: string;
  /** The column whose value names the sequence a row belongs to (default "sequence"). */
  sequenceColumn?: string;
  /** The target column (default "target" or "label", any case, else the last column). */
  target?: string;
  /** Default: classification when every target is a whole number from 0 to 31, else regression. */
  task?: Task;
  maxRows?: number;
  maxColumns?: number;
  maxSequenceLength?: number;
}

export const SEQUENCE_CSV_LIMITS = { maxRows: 1_000_000, maxColumns: 10_000, maxCells: 50_000_000 };
const MAX_DETECTED_CLASSES = 32;
const MAX_CLASSES = 256;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function sequenceCsvDataset(text: string, options: SequenceCsvOptions): SequenceDataset {
  const { file } = options;
  const maxRows = options.maxRows ?? SEQUENCE_CSV_LIMITS.maxRows;
  const maxColumns = options.maxColumns ?? SEQUENCE_CSV_LIMITS.maxColumns;
  const maxLength = options.maxSequenceLength ?? SEQUENCE_LIMITS.maxLength;
  if (!/[^\s\ufeff]/.test(text)) throw new DataError(file, 'is empty');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const st = {
    names: null as string[] | null,
    seqCol: -1,
    targetCol: -1,
    inputCols: [] as number[],
    rows: 0,
    x: new Float64Array(1024),
    t: new Float64Array(256),
    has: new Uint8Array(256),
    lines: new Uint32Array(256),
    offsets: [0] as number[],
    ids: [] as string[],
    seen: new Map<string, number>(),
    currentId: null as string | null,
    currentLength: 0,
  };
  const shown = (cell: string): string => JSON.stringify(printable(cell.length > 24 ? `${cell.slice(0, 24)}...` : cell));

  const onHeader = (cells: string[]): void => {
    if (cells.length > maxColumns) throw new DataError(file, `has ${formatCount(cells.length)} columns, more than the limit of ${formatCount(maxColumns)}`);
    const names = cells.map((c) => c.trim());
    if (names.every((n) => NUMBER.test(n))) throw new DataError(file, 'needs a header row naming its columns (sequence, the inputs, and the target)');
    const find = (wanted: string, what: string): number => {
      const at = names.flatMap((n, i) => (n.toLowerCase() === wanted.toLowerCase() ? [i] : []));
      if (at.length > 1) throw new DataError(file, `has ${at.length} columns named ${shown(wanted)} (${what}); rename one`);
      return at.length === 1 ? at[0] : -1;
    };
    const seqName = options.sequenceColumn ?? 'sequence';
    st.seqCol = find(seqName, 'the sequence column');
    if (st.seqCol < 0) throw new DataError(file, `has no column named ${shown(seqName)} to say which sequence each row belongs to`);
    if (options.target !== undefined) {
      st.targetCol = find(options.target, 'the target');
      if (st.targetCol < 0) throw new DataError(file, `has no column named ${shown(options.target)}`);
    } else {
      st.targetCol = find('target', 'the target');
      if (st.targetCol < 0) st.targetCol = find('label', 'the target');
      if (st.targetCol < 0) st.targetCol = names.length - 1;
    }
    if (st.targetCol === st.seqCol) throw new DataError(file, 'the target column cannot also be the sequence column');
    st.inputCols = names.flatMap((_, i) => (i === st.seqCol || i === st.targetCol ? [] : [i]));
    if (st.inputCols.length === 0) throw new DataError(file, 'needs at least one input column besides the sequence and the target');
    st.names = names;
  };

  const onRow = (cells: string[], line: number): void => {
    if (!st.names) return onHeader(cells);
    const names = st.names;
    if (cells.length !== names.length) {
      throw new DataError(file, `line ${line} has ${cells.length} column${cells.length === 1 ? '' : 's'}, but the header has ${names.length}`);
    }
    const p = st.inputCols.length;
    const r = st.rows;
    if (r >= maxRows) throw new DataError(file, `has more than ${formatCount(maxRows)} rows, the limit`);
    if ((r + 1) * names.length > SEQUENCE_CSV_LIMITS.maxCells) throw new DataError(file, `has more than ${formatCount(SEQUENCE_CSV_LIMITS.maxCells)} cells, the limit`);
    const id = cells[st.seqCol].trim();
    if (id === '') throw new DataError(file, `line ${line}: the ${shown(names[st.seqCol])} cell is empty; every row must name its sequence`);
    if (id !== st.currentId) {
      const before = st.seen.get(id);
      if (before !== undefined) {
        throw new DataError(file, `line ${line}: sequence ${shown(id)} started at line ${before} and was interrupted by another; keep each sequence's rows together`);
      }
      if (st.currentId !== null) st.offsets.push(r);
      st.seen.set(id, line);
      st.ids.push(id);
      st.currentId = id;
      st.currentLength = 0;
    }
    if (++st.currentLength > maxLength) throw new DataError(file, `sequence ${shown(id)} is longer than ${formatCount(maxLength)} steps, the limit`);
    if ((r + 1) * p > st.x.length) st.x = grow(st.x, (r + 1) * p);
    if (r + 1 > st.t.length) {
      st.t = grow(st.t, r + 1);
      st.has = grow(st.has, r + 1);
      st.lines = grow(st.lines, r + 1);
    }
    st.inputCols.forEach((c, j) => {
      const cell = cells[c].trim();
      const v = NUMBER.test(cell) ? Number(cell) : NaN;
      if (!Number.isFinite(v)) {
        throw new DataError(file, `line ${line}, column ${shown(names[c])}: ${cell === '' ? 'is empty' : `${shown(cell)} is not a finite number`}`);
      }
      st.x[r * p + j] = v;
    });
    const cell = cells[st.targetCol].trim();
    if (cell !== '') {
      const v = NUMBER.test(cell) ? Number(cell) : NaN;
      if (!Number.isFinite(v)) throw new DataError(file, `line ${line}, target column ${shown(names[st.targetCol])}: ${shown(cell)} is not a finite number`);
      st.t[r] = v;
      st.has[r] = 1;
    }
    st.lines[r] = line;
    st.rows++;
  };

  eachCsvRow(text, file, onRow);
  if (!st.names) throw new DataError(file, 'has no header row');
  const rows = st.rows;
  if (rows === 0) throw new DataError(file, 'has a header but no data rows');
  st.offsets.push(rows);
  const count = st.ids.length;
  const offsets = Uint32Array.from(st.offsets);

  let targets = 0;
  let onlyLast = true;
  for (let i = 0; i < count; i++) {
    let inThis = 0;
    for (let r = offsets[i]; r < offsets[i + 1]; r++) inThis += st.has[r];
    if (inThis === 0) throw new DataError(file, `sequence ${shown(st.ids[i])} (from line ${st.lines[offsets[i]]}) has no target in any row`);
    if (inThis !== 1 || st.has[offsets[i + 1] - 1] !== 1) onlyLast = false;
    targets += inThis;
  }
  const classification = options.task ? options.task === 'classification' : everyTarget(st, rows, (v) => Number.isInteger(v) && v >= 0 && v < MAX_DETECTED_CLASSES);
  let outputSize = 1;
  if (classification) {
    for (let r = 0; r < rows; r++) {
      if (!st.has[r]) continue;
      const v = st.t[r];
      if (!(Number.isInteger(v) && v >= 0 && v < MAX_CLASSES)) {
        throw new DataError(file, `line ${st.lines[r]}: the target ${v} is not a class index (a whole number from 0 to ${MAX_CLASSES - 1})`);
      }
      outputSize = Math.max(outputSize, v + 1);
    }
    outputSize = Math.max(outputSize, 2);
  }
  const p = st.inputCols.length;
  const base = {
    name: options.name ?? file,
    task: (classification ? 'classification' : 'regression') as Task,
    inputSize: p,
    outputSize,
    count,
    offsets,
    x: st.x.slice(0, rows * p),
    ...(classification ? { classNames: Array.from({ length: outputSize }, (_, j) => String(j)) } : {}),
  };
  const put = (y: Float64Array, row: number, r: number): void => {
    if (classification) y[row * outputSize + st.t[r]] = 1;
    else y[row] = st.t[r];
  };
  if (onlyLast) {
    const y = new Float64Array(count * outputSize);
    for (let i = 0; i < count; i++) put(y, i, offsets[i + 1] - 1);
    return { ...base, targets: 'last', y };
  }
  const y = new Float64Array(rows * outputSize);
  for (let r = 0; r < rows; r++) if (st.has[r]) put(y, r, r);
  return targets === rows ? { ...base, targets: 'every', y } : { ...base, targets: 'every', y, mask: st.has.slice(0, rows) };
}

function everyTarget(st: { t: Float64Array; has: Uint8Array }, rows: number, test: (v: number) => boolean): boolean {
  for (let r = 0; r < rows; r++) if (st.has[r] && !test(st.t[r])) return false;
  return true;
}

function grow<T extends Float64Array | Uint8Array | Uint32Array>(a: T, atLeast: number): T {
  const grown = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, atLeast));
  grown.set(a);
  return grown;
}

/** Enough of a file to hold its header row, for telling sequence CSVs from example CSVs. */
export const CSV_HEAD_CHARS = 64 * 1024;

/**
 * Whether a CSV's header row names a sequence column ("sequence", any case,
 * unless another name is given): that is how a file is recognised as
 * sequences (one row per step) rather than examples (one row per example).
 * Reads only the first row of the first CSV_HEAD_CHARS characters.
 */
export function hasSequenceColumn(text: string, column = 'sequence'): boolean {
  let head = text.slice(0, CSV_HEAD_CHARS);
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  let names: string[] = [];
  Papa.parse(head, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      names = result.data;
      parser.abort();
    },
  });
  const wanted = column.toLowerCase();
  return names.some((n) => n.trim().toLowerCase() === wanted);
}

/**
 * A training set and its test set read from two files, made to agree: the
 * same features per step, the same kind of targets, and (classification) one
 * output per class either names, as a test file may lack the highest classes.
 */
export function pairSequenceSets(train: SequenceDataset, test: SequenceDataset, testFile = test.name): { train: SequenceDataset; test: SequenceDataset } {
  if (test.inputSize !== train.inputSize) {
    const columns = (n: number): string => `${n} input column${n === 1 ? '' : 's'}`;
    throw new DataError(testFile, `has ${columns(test.inputSize)} per step but ${train.name} has ${train.inputSize}`);
  }
  if (test.task !== train.task) throw new DataError(testFile, `its targets make a ${test.task} set but ${train.name}'s make a ${train.task} set`);
  if (test.targets !== train.targets) {
    const where = (t: SequenceDataset): string => (t.targets === 'last' ? 'one target per sequence, on its last row' : 'targets on other rows than the last');
    throw new DataError(testFile, `has ${where(test)}, but ${train.name} has ${where(train)}`);
  }
  if (train.task === 'regression' || train.outputSize === test.outputSize) return { train, test };
  const classes = Math.max(train.outputSize, test.outputSize);
  return { train: widenClasses(train, classes), test: widenClasses(test, classes) };
}

function widenClasses(data: SequenceDataset, classes: number): SequenceDataset {
  if (data.outputSize === classes) return data;
  const rows = data.y.length / data.outputSize;
  const y = new Float64Array(rows * classes);
  for (let r = 0; r < rows; r++) for (let j = 0; j < data.outputSize; j++) y[r * classes + j] = data.y[r * data.outputSize + j];
  return { ...data, outputSize: classes, y, classNames: Array.from({ length: classes }, (_, j) => String(j)) };
}
