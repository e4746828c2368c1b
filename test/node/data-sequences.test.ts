/** Sequences from disk and by name, through the Node host's loader (the CLI's and the utility process's). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinSequence } from '../../engine/datasets/sequence-sets';
import { loadAnyDataFile, loadDataFile, resolveData } from '../../node/data';
import { errorMessage } from '../error-message';
import { DataError } from '../../engine/datasets/errors';

const problem = (f: () => unknown): string => errorMessage(DataError, f);

let dir: string;
const at = (name: string): string => join(dir, name);
const walks = 'sequence,x1,x2,target\na,0.1,0.7,\na,0.4,0.2,1\nb,0.9,0.3,0\nc,1,2,\nc,3,4,2\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'neuroloom-seq-'));
  writeFileSync(at('walks.csv'), walks);
  writeFileSync(at('walks.csv.gz'), gzipSync(walks));
  writeFileSync(at('walks-test.csv'), 'sequence,x1,x2,target\nq,1,1,0\n');
  writeFileSync(at('points.csv'), 'x,y,label\n0,0,0\n1,1,1\n');
  writeFileSync(at('ragged-walks.csv'), 'sequence,x,target\na,1,2\na,2\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveData: examples or sequences by name or path', () => {
  it('makes a generated sequence set with its settings, as the engine makes it', () => {
    const data = resolveData('delayed-recall', { seed: 3, sequence: { delay: 7, count: 40, symbols: 5 } });
    const oracle = loadBuiltinSequence('delayed-recall', { delay: 7, count: 40, symbols: 5 }, 3);
    expect(data.kind).toBe('sequences');
    expect(Array.from(data.train.x)).toEqual(Array.from(oracle.train.x));
    expect(Array.from(data.test?.y ?? [])).toEqual(Array.from(oracle.test.y));
  });

  it('reads a CSV whose header names a "sequence" column as sequences, gzipped or not', () => {
    for (const name of ['walks.csv', 'walks.csv.gz']) {
      const data = resolveData(at(name));
      expect(data.kind, name).toBe('sequences');
      expect(data.train).toMatchObject({ name, count: 3, inputSize: 2, outputSize: 3, targets: 'last' });
      expect(data.test).toBeNull();
    }
    const paired = resolveData(at('walks.csv'), { testPath: at('walks-test.csv') });
    expect(paired.kind).toBe('sequences');
    expect(paired.test).toMatchObject({ count: 1, outputSize: 3 });
    // Any other CSV is examples, as before.
    expect(resolveData(at('points.csv')).kind).toBeUndefined();
    expect(resolveData(at('points.csv')).train).toMatchObject({ count: 2, inputSize: 2 });
  });

  it('refuses a test file of the other kind, and the example loader refuses sequences, naming the file', () => {
    expect(problem(() => resolveData(at('walks.csv'), { testPath: at('points.csv') }))).toBe(`${at('points.csv')}: holds examples, but the training data walks.csv are sequences`);
    expect(problem(() => resolveData(at('points.csv'), { testPath: at('walks.csv') }))).toBe(`${at('walks.csv')}: holds sequences, but the training data points.csv are examples`);
    expect(problem(() => loadDataFile(at('walks.csv')))).toBe(`${at('walks.csv')}: holds sequences (its header names a "sequence" column): it trains a network with an LSTM or recurrent node`);
    expect(problem(() => loadAnyDataFile(at('ragged-walks.csv')))).toBe(`${at('ragged-walks.csv')}: line 3 has 2 columns, but the header has 3`);
    expect(problem(() => resolveData(at('gone.csv')))).toMatch(/gone\.csv: is neither a built-in dataset .*delayed-recall\) nor a file that exists/);
  });
});
