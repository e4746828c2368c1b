import { describe, expect, it } from 'vitest';
import { DataError } from '../../../engine/datasets/errors';
import { checkSequenceDataset } from '../../../engine/datasets/sequences';
import { sequenceCsvDataset, type SequenceCsvOptions } from '../../../engine/recurrent/sequence-csv';

const file = 'walks.csv';

function problem(text: string, options: Partial<SequenceCsvOptions> = {}): string {
  try {
    sequenceCsvDataset(text, { file, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message.startsWith(`${file}: `)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('CSV of sequences', () => {
  it('reads sequence-to-one classification when each sequence has one target, on its last row', () => {
    const data = sequenceCsvDataset('sequence,x1,x2,target\na,0.1,0.7,\na,0.4,0.2,1\nb,0.9,0.3,0\nc,1,2,\nc,3,4,\nc,5,6,2\n', { file });
    checkSequenceDataset(data);
    expect(data).toMatchObject({ name: file, task: 'classification', inputSize: 2, outputSize: 3, count: 3, targets: 'last', classNames: ['0', '1', '2'] });
    expect(Array.from(data.offsets)).toEqual([0, 2, 3, 6]);
    expect(Array.from(data.x)).toEqual([0.1, 0.7, 0.4, 0.2, 0.9, 0.3, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(data.y)).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('reads sequence-to-sequence regression with a mask where steps have no target', () => {
    const data = sequenceCsvDataset('value,sequence,next\n0.5,s1,0.25\n0.25,s1,\n0.1,s2,-0.5\n', { file });
    checkSequenceDataset(data);
    expect(data).toMatchObject({ task: 'regression', inputSize: 1, outputSize: 1, count: 2, targets: 'every' });
    expect(Array.from(data.y)).toEqual([0.25, 0, -0.5]);
    expect(Array.from(data.mask!)).toEqual([1, 0, 1]);
    // A target on every row needs no mask; a column named "label" is the target wherever it stands.
    const full = sequenceCsvDataset('label,sequence,x\n0.5,1,3\n1.5,1,4\n', { file });
    expect(full.mask).toBeUndefined();
    expect(Array.from(full.y)).toEqual([0.5, 1.5]);
    expect(Array.from(full.x)).toEqual([3, 4]);
  });

  it('honours a chosen sequence column, target column and task; handles quotes, CRLF, a byte-order mark and blank lines', () => {
    const data = sequenceCsvDataset('\ufeff"id";"a";"y"\r\n"p";"1";"2"\r\n\r\np;3;4\r\n', { file, sequenceColumn: 'id', target: 'y', task: 'regression' });
    expect(data).toMatchObject({ task: 'regression', count: 1, targets: 'every' });
    expect(Array.from(data.y)).toEqual([2, 4]);
    expect(Array.from(data.x)).toEqual([1, 3]);
  });

  it('gives a clear error naming the file, line and column for bad input', () => {
    expect(problem('')).toBe(`${file}: is empty`);
    expect(problem('sequence,x,target\n')).toMatch(/has a header but no data rows/);
    expect(problem('1,2,3\n4,5,6\n')).toMatch(/needs a header row/);
    expect(problem('id,x,target\na,1,2\n')).toMatch(/has no column named "sequence"/);
    expect(problem('sequence,target\na,1\n')).toMatch(/at least one input column/);
    expect(problem('sequence,x,target\na,1,2\nb,1,2\na,3,4\n')).toBe(`${file}: line 4: sequence "a" started at line 2 and was interrupted by another; keep each sequence's rows together`);
    expect(problem('sequence,x,target\na,1,2\na,oops,1\n')).toBe(`${file}: line 3, column "x": "oops" is not a finite number`);
    expect(problem('sequence,x,target\na,,2\n')).toMatch(/line 2, column "x": is empty/);
    expect(problem('sequence,x,target\na,Infinity,2\n')).toMatch(/"Infinity" is not a finite number/);
    expect(problem('sequence,x,target\na,1,2,9\n')).toBe(`${file}: line 2 has 4 columns, but the header has 3`);
    expect(problem('sequence,x,target\na,1,\na,2,\nb,3,1\n')).toMatch(/sequence "a" \(from line 2\) has no target in any row/);
    expect(problem('sequence,x,target\n,1,2\n')).toMatch(/line 2: the "sequence" cell is empty/);
    expect(problem('sequence,x,target\na,1,2\n', { target: 'nope' })).toMatch(/no column named "nope"/);
    expect(problem('sequence,x,target\na,1,2\n', { target: 'sequence' })).toMatch(/cannot also be the sequence column/);
    expect(problem('sequence,x,target\na,1,0.5\n', { task: 'classification' })).toMatch(/line 2: the target 0.5 is not a class index/);
    expect(problem('sequence,x,target\na,"1,2\n')).toMatch(/line 2: /);
    expect(problem('sequence,x,x,target\na,1,2,3\n', { target: 'x' })).toMatch(/has 2 columns named "x"/);
  });

  it('stops at its limits instead of allocating without end', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `a,${i},1`).join('\n');
    expect(problem(`sequence,x,target\n${rows}\n`, { maxSequenceLength: 10 })).toMatch(/sequence "a" is longer than 10 steps, the limit/);
    expect(problem(`sequence,x,target\n${rows}\n`, { maxRows: 20 })).toMatch(/more than 20 rows, the limit/);
    expect(problem('sequence,x,y,target\na,1,2,3\n', { maxColumns: 3 })).toMatch(/has 4 columns, more than the limit of 3/);
  });

  it('keeps binary garbage out of its messages', () => {
    expect(problem('sequence,x,target\na,\u0001\u0002\u001b[31m,1\n')).toBe(`${file}: line 2, column "x": "???[31m" is not a finite number`);
  });
});
