import { describe, expect, it } from 'vitest';
import { csvDataset } from '../../../engine/datasets/csv';
import { DataError } from '../../../engine/datasets/errors';

const file = 'data.csv';

function problem(text: string, options: Partial<Parameters<typeof csvDataset>[1]> = {}): string {
  try {
    csvDataset(text, { file, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('CSV reading', () => {
  it('reads a header and detects classification from small whole-number targets', () => {
    const data = csvDataset('x1,x2,label\n0.5,1,0\n-2,3e-1,2\n', { file });
    expect(data).toMatchObject({ name: file, task: 'classification', inputSize: 2, outputSize: 3, count: 2 });
    expect(Array.from(data.x)).toEqual([0.5, 1, -2, 0.3]);
    expect(Array.from(data.labels!)).toEqual([0, 2]);
    expect(Array.from(data.y)).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it('reads headerless data as regression when targets are not class indices, last column by default', () => {
    const data = csvDataset('1,2,0.5\n3,4,1.5\n', { file });
    expect(data).toMatchObject({ task: 'regression', inputSize: 2, outputSize: 1, count: 2 });
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4]);
    expect(Array.from(data.y)).toEqual([0.5, 1.5]);
    // Negative or large whole numbers are regression targets too.
    expect(csvDataset('1,-1\n2,3\n', { file }).task).toBe('regression');
    expect(csvDataset('1,100\n2,3\n', { file }).task).toBe('regression');
  });

  it('takes a column named "label" as the target wherever it is, and honours a chosen target and task', () => {
    const text = 'label,a,b\n1,10,20\n0,30,40\n';
    const byDefault = csvDataset(text, { file });
    expect(Array.from(byDefault.labels!)).toEqual([1, 0]);
    expect(Array.from(byDefault.x)).toEqual([10, 20, 30, 40]);
    const byName = csvDataset(text, { file, target: 'b' });
    expect(byName.task).toBe('regression');
    expect(Array.from(byName.y)).toEqual([20, 40]);
    expect(Array.from(byName.x)).toEqual([1, 10, 0, 30]);
    const byIndex = csvDataset(text, { file, target: 0, task: 'regression' });
    expect(byIndex.task).toBe('regression');
    expect(Array.from(byIndex.y)).toEqual([1, 0]);
  });

  it('handles quotes, semicolons, CRLF, a byte-order mark and blank lines', () => {
    const data = csvDataset('\ufeff"a";"b"\r\n"1";"2.5"\r\n\r\n3;4.5\r\n\r\n', { file });
    expect(data.count).toBe(2);
    expect(Array.from(data.x)).toEqual([1, 3]);
    expect(Array.from(data.y)).toEqual([2.5, 4.5]);
  });

  it('treats __proto__ as an ordinary column name and pollutes nothing', () => {
    const data = csvDataset('__proto__,constructor,toString\n1.5,2,0\n3.5,4,1\n', { file, target: '__proto__' });
    expect(data.task).toBe('regression');
    expect(Array.from(data.y)).toEqual([1.5, 3.5]);
    expect(Array.from(data.x)).toEqual([2, 0, 4, 1]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(problem('__proto__,b\n1,x\n')).toBe(`${file}: line 2, column 2 ("b"): "x" is not a finite number`);
  });

  it('names the line of a ragged row', () => {
    expect(problem('a,b,c\n1,2,3\n4,5\n')).toBe(`${file}: line 3 has 2 columns, but the first row has 3`);
    expect(problem('1,2\n\n3,4,5\n')).toBe(`${file}: line 3 has 3 columns, but the first row has 2`);
    expect(problem('1,2\n  \n\r\n\n  3,4,5\n')).toBe(`${file}: line 5 has 3 columns, but the first row has 2`);
  });

  it('names the line and column of a cell that is not a finite number', () => {
    expect(problem('a,b\n1,2\n3,four\n')).toBe(`${file}: line 3, column 2 ("b"): "four" is not a finite number`);
    expect(problem('a,b\n1,NaN\n')).toBe(`${file}: line 2, column 2 ("b"): "NaN" is not a finite number`);
    expect(problem('1,Infinity\n')).toBe(`${file}: line 1, column 2: "Infinity" is not a finite number`);
    expect(problem('1,2\n-inf,3\n')).toBe(`${file}: line 2, column 1: "-inf" is not a finite number`);
    expect(problem('1,2\n1e999,3\n')).toBe(`${file}: line 2, column 1: "1e999" is not a finite number`);
    expect(problem('1,2\n0x10,3\n')).toBe(`${file}: line 2, column 1: "0x10" is not a finite number`);
    expect(problem('a,b\n1,\n')).toBe(`${file}: line 2, column 2 ("b"): is empty`);
  });

  it('counts lines through quoted newlines', () => {
    expect(problem('a,b\n"1\n",2\n3,x\n')).toBe(`${file}: line 4, column 2 ("b"): "x" is not a finite number`);
  });

  it('refuses an empty file, a header with no rows, one column, and an unterminated quote', () => {
    expect(problem('')).toBe(`${file}: is empty`);
    expect(problem(' \n\n')).toBe(`${file}: is empty`);
    expect(problem('a,b,label\n')).toBe(`${file}: has a header but no data rows`);
    expect(problem('1\n2\n')).toBe(`${file}: needs at least two columns: one or more inputs and a target`);
    expect(problem('a,b\n1,"2\n')).toBe(`${file}: line 2: quoted field unterminated`);
  });

  it('refuses a target that does not exist or is not a class index', () => {
    expect(problem('a,b\n1,2\n', { target: 'c' })).toBe(`${file}: has no column named "c"`);
    expect(problem('a,a\n1,2\n', { target: 'a' })).toBe(`${file}: has 2 columns named "a"; rename one`);
    expect(problem('1,2\n', { target: 5 })).toBe(`${file}: target column 5 does not exist (columns are numbered 0 to 1)`);
    expect(problem('1,2\n', { target: 'a' })).toBe(`${file}: has no header row, so there is no column named "a"`);
    expect(problem('a,b\n1,2\n3,0.5\n', { task: 'classification' })).toBe(
      `${file}: line 3, column 2 ("b"): the target 0.5 is not a class index (a whole number from 0 to 255)`,
    );
  });

  it('enforces the row, column and cell caps', () => {
    expect(problem('1,2\n3,4\n5,6\n', { maxRows: 2 })).toBe(`${file}: has more than 2 rows, the limit`);
    expect(problem('1,2,3\n', { maxColumns: 2 })).toBe(`${file}: has 3 columns, more than the limit of 2`);
    expect(problem('1,2,3\n4,5,6\n', { maxCells: 5 })).toBe(`${file}: has more than 5 cells, the limit`);
  });

  it('reads a CSV of 20,000 rows in linear time', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i % 7},${i / 3},${i % 10}`).join('\n');
    const t = performance.now();
    const data = csvDataset(rows, { file });
    expect(data.count).toBe(20_000);
    expect(data.outputSize).toBe(10);
    expect(data.x[2 * 19_999 + 1]).toBeCloseTo(19_999 / 3, 9);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
