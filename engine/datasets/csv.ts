/**
 * CSV -> Dataset. Papaparse splits the text (quotes, delimiters, line
 * endings); we check every row and cell and fill flat arrays as rows arrive,
 * so a 100 MB file never becomes an array of millions of strings.
 */
import { oneHot, type Dataset, type Task } from './dataset';
import { eachCsvRow } from './csv-rows';
import { DataError, formatCount } from './errors';

export interface CsvOptions {
  /** Named in error messages (the file's path or name). */
  file: string;
  /** The dataset's name (default: `file`). */
  name?: string;
  /** Whether the first row names the columns; detected when absent. */
  header?: boolean;
  /**
   * The target column, by header name or 0-based index. Default: a column
   * named "label" (any case) when there is one, else the last column.
   */
  target?: string | number;
  /**
   * Default: classification when every target is a whole number from 0 to
   * MAX_DETECTED_CLASSES - 1, else regression.
   */
  task?: Task;
  maxRows?: number;
  maxColumns?: number;
  maxCells?: number;
}

export const CSV_LIMITS = { maxRows: 1_000_000, maxColumns: 10_000, maxCells: 50_000_000 };
/** More distinct whole-number targets than this reads as a regression target. */
export const MAX_DETECTED_CLASSES = 32;
/** Labels are stored as bytes. */
const MAX_CLASSES = 256;

/** A plain decimal number: no hex, no blank, no "Infinity". */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

export function csvDataset(text: string, options: CsvOptions): Dataset {
  const { file } = options;
  const maxRows = options.maxRows ?? CSV_LIMITS.maxRows;
  const maxColumns = options.maxColumns ?? CSV_LIMITS.maxColumns;
  const maxCells = options.maxCells ?? CSV_LIMITS.maxCells;
  if (!/[^\s\ufeff]/.test(text)) throw new DataError(file, 'is empty'); // without copying a large text
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark from spreadsheet exports

  // Mutated by papaparse's callback, so kept in one object TS does not narrow.
  const st = {
    columns: 0,
    names: null as string[] | null,
    rows: 0,
    values: new Float64Array(1024),
    /** The line each data row starts on, for messages found after parsing. */
    lines: new Uint32Array(256),
  };

  const onRow = (cells: string[], line: number): void => {
    if (st.columns === 0) {
      st.columns = cells.length;
      if (st.columns > maxColumns) {
        throw new DataError(file, `has ${formatCount(st.columns)} columns, more than the limit of ${formatCount(maxColumns)}`);
      }
      const isHeader = options.header ?? cells.some((c) => !NUMBER.test(c.trim()) && !NON_FINITE.test(c.trim()));
      if (isHeader) {
        st.names = cells.map((c) => c.trim());
        return;
      }
    }
    const { columns, rows } = st;
    if (cells.length !== columns) {
      throw new DataError(file, `line ${line} has ${cells.length} column${cells.length === 1 ? '' : 's'}, but the first row has ${columns}`);
    }
    if (rows >= maxRows) throw new DataError(file, `has more than ${formatCount(maxRows)} rows, the limit`);
    if ((rows + 1) * columns > maxCells) throw new DataError(file, `has more than ${formatCount(maxCells)} cells, the limit`);
    if ((rows + 1) * columns > st.values.length) st.values = grow(st.values, (rows + 1) * columns);
    if (rows + 1 > st.lines.length) st.lines = grow(st.lines, rows + 1);
    const base = rows * columns;
    for (let c = 0; c < columns; c++) {
      const cell = cells[c].trim();
      const v = NUMBER.test(cell) ? Number(cell) : NaN;
      if (!Number.isFinite(v)) {
        const shown = JSON.stringify(cell.length > 24 ? `${cell.slice(0, 24)}...` : cell);
        const what = cell === '' ? 'is empty' : `${shown} is not a finite number`;
        throw new DataError(file, `line ${line}, column ${columnName(st.names, c)}: ${what}`);
      }
      st.values[base + c] = v;
    }
    st.lines[rows] = line;
    st.rows++;
  };

  eachCsvRow(text, file, onRow);
  const { columns, rows, values, names } = st;
  if (rows === 0) throw new DataError(file, names ? 'has a header but no data rows' : 'has no data rows');
  if (columns < 2) throw new DataError(file, 'needs at least two columns: one or more inputs and a target');

  const target = targetColumn(options, names, columns);
  const inputSize = columns - 1;
  const t = new Float64Array(rows);
  for (let r = 0; r < rows; r++) t[r] = values[r * columns + target];
  const task = options.task ?? (isSmallClassIndex(t) ? 'classification' : 'regression');

  const x = new Float64Array(rows * inputSize);
  for (let r = 0; r < rows; r++) {
    let at = r * inputSize;
    for (let c = 0; c < columns; c++) if (c !== target) x[at++] = values[r * columns + c];
  }
  const base = { name: options.name ?? file, inputSize, count: rows, x };
  if (task === 'regression') return { ...base, task, outputSize: 1, y: t };

  const labels = new Uint8Array(rows);
  let classes = 0;
  for (let r = 0; r < rows; r++) {
    const v = t[r];
    if (!(Number.isInteger(v) && v >= 0 && v < MAX_CLASSES)) {
      throw new DataError(
        file,
        `line ${st.lines[r]}, column ${columnName(names, target)}: the target ${v} is not a class index (a whole number from 0 to ${MAX_CLASSES - 1})`,
      );
    }
    labels[r] = v;
    classes = Math.max(classes, v + 1);
  }
  classes = Math.max(classes, 2);
  return {
    ...base,
    task,
    outputSize: classes,
    y: oneHot(labels, classes),
    labels,
    classNames: Array.from({ length: classes }, (_, i) => String(i)),
  };
}

function grow<T extends Float64Array | Uint32Array>(a: T, atLeast: number): T {
  const grown = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, atLeast));
  grown.set(a);
  return grown;
}

function targetColumn(options: CsvOptions, names: string[] | null, columns: number): number {
  const { file, target } = options;
  if (typeof target === 'number') {
    if (!(Number.isInteger(target) && target >= 0 && target < columns)) {
      throw new DataError(file, `target column ${target} does not exist (columns are numbered 0 to ${columns - 1})`);
    }
    return target;
  }
  if (typeof target === 'string') {
    if (!names) throw new DataError(file, `has no header row, so there is no column named ${JSON.stringify(target)}`);
    const matches = names.flatMap((n, i) => (n === target ? [i] : []));
    if (matches.length === 0) throw new DataError(file, `has no column named ${JSON.stringify(target)}`);
    if (matches.length > 1) throw new DataError(file, `has ${matches.length} columns named ${JSON.stringify(target)}; rename one`);
    return matches[0];
  }
  const label = names ? names.findIndex((n) => n.toLowerCase() === 'label') : -1;
  return label >= 0 ? label : columns - 1;
}

function isSmallClassIndex(t: Float64Array): boolean {
  for (let i = 0; i < t.length; i++) {
    const v = t[i];
    if (!(Number.isInteger(v) && v >= 0 && v < MAX_DETECTED_CLASSES)) return false;
  }
  return true;
}

function columnName(names: string[] | null, c: number): string {
  const name = names?.[c];
  return name ? `${c + 1} (${JSON.stringify(name)})` : String(c + 1);
}
