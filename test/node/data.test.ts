import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idxPair, loadDataFile, resolveDataset } from '../../node/data';
import { images, labels } from '../engine/datasets/idx-bytes';
import { errorMessage } from '../error-message';
import { DataError } from '../../engine/datasets/errors';

const problem = (f: () => unknown): string => errorMessage(DataError, f);

let dir: string;

/** n images of 2x2 whose first pixel is 10 * label, labels cycling 0..9. */
function idxSet(n: number, offset = 0): { img: Uint8Array; lab: Uint8Array } {
  const ls = Array.from({ length: n }, (_, i) => (i + offset) % 10);
  const px = ls.flatMap((l) => [l * 10, 1, 2, 255]);
  return { img: images(n, 2, 2, px), lab: labels(ls) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'neuroloom-data-'));
  // A gzipped MNIST-style folder with train and t10k.
  mkdirSync(join(dir, 'fashion-mnist'));
  const train = idxSet(30);
  const test = idxSet(12, 3);
  writeFileSync(join(dir, 'fashion-mnist', 'train-images-idx3-ubyte.gz'), gzipSync(train.img));
  writeFileSync(join(dir, 'fashion-mnist', 'train-labels-idx1-ubyte.gz'), gzipSync(train.lab));
  writeFileSync(join(dir, 'fashion-mnist', 't10k-images-idx3-ubyte.gz'), gzipSync(test.img));
  writeFileSync(join(dir, 'fashion-mnist', 't10k-labels-idx1-ubyte.gz'), gzipSync(test.lab));
  // A plain pair with no t10k beside it, Kaggle's dotted names, labels not gzipped.
  mkdirSync(join(dir, 'plain'));
  writeFileSync(join(dir, 'plain', 'train-images.idx3-ubyte'), train.img);
  writeFileSync(join(dir, 'plain', 'train-labels.idx1-ubyte.gz'), gzipSync(train.lab));
  // An images file with no labels beside it.
  mkdirSync(join(dir, 'lonely'));
  writeFileSync(join(dir, 'lonely', 't10k-images-idx3-ubyte'), test.img);
  writeFileSync(join(dir, 'points.csv'), 'x,y,label\n0,0,0\n1,1,1\n0.5,0.25,1\n');
  writeFileSync(join(dir, 'empty.csv'), '');
  writeFileSync(join(dir, 'latin1.csv'), Uint8Array.from([0x61, 0x2c, 0xe9, 0x0a, 0x31, 0x2c, 0x32, 0x0a]));
  writeFileSync(join(dir, 'notes.txt'), '1,2\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('IDX files on disk', () => {
  it('finds the partner of either file of a pair', () => {
    const images = join(dir, 'fashion-mnist', 'train-images-idx3-ubyte.gz');
    const labelsPath = join(dir, 'fashion-mnist', 'train-labels-idx1-ubyte.gz');
    expect(idxPair(images)).toEqual({ images, labels: labelsPath, prefix: 'train-' });
    expect(idxPair(labelsPath)).toEqual({ images, labels: labelsPath, prefix: 'train-' });
    expect(idxPair(join(dir, 'plain', 'train-images.idx3-ubyte'))?.labels).toBe(join(dir, 'plain', 'train-labels.idx1-ubyte.gz'));
    expect(idxPair(join(dir, 'points.csv'))).toBeNull();
  });

  it('loads a pair given either path, names it by folder, and knows Fashion-MNIST class names', () => {
    for (const file of ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz']) {
      const data = loadDataFile(join(dir, 'fashion-mnist', file));
      expect(data).toMatchObject({ name: 'fashion-mnist/train', count: 30, inputSize: 4, outputSize: 10, image: { width: 2, height: 2 } });
      expect(data.classNames![9]).toBe('Ankle boot');
      expect(data.x[4 * 7]).toBeCloseTo(70 / 255, 6);
      expect(data.labels![7]).toBe(7);
    }
    expect(loadDataFile(join(dir, 'plain', 'train-images.idx3-ubyte')).classNames![9]).toBe('9');
  });

  it('takes the t10k pair beside a train pair as the test set', () => {
    const { train, test } = resolveDataset(join(dir, 'fashion-mnist', 'train-labels-idx1-ubyte.gz'));
    expect(train.count).toBe(30);
    expect(test).not.toBeNull();
    expect(test!).toMatchObject({ name: 'fashion-mnist/t10k', count: 12 });
    expect(test!.labels![0]).toBe(3);
    const limited = resolveDataset(join(dir, 'fashion-mnist', 'train-images-idx3-ubyte.gz'), { trainCount: 10, testCount: 5 });
    expect(limited.train.count).toBe(10);
    expect(limited.test!.count).toBe(5);
    expect(resolveDataset(join(dir, 'plain', 'train-images.idx3-ubyte')).test).toBeNull();
  });

  it('names the missing partner file', () => {
    const path = join(dir, 'lonely', 't10k-images-idx3-ubyte');
    expect(problem(() => loadDataFile(path))).toBe(
      `${join(dir, 'lonely', 't10k-labels-idx1-ubyte')}: does not exist (the labels file beside t10k-images-idx3-ubyte)`,
    );
  });

  it('checks the file size with stat before reading', () => {
    const path = join(dir, 'fashion-mnist', 'train-images-idx3-ubyte.gz');
    expect(problem(() => loadDataFile(path, { maxBytes: 10 }))).toMatch(
      new RegExp(`^${path.replace(/[.]/g, '\\.')}: is \\d+ bytes, more than the 10 bytes limit$`),
    );
  });
});

describe('CSV files on disk', () => {
  it('loads a CSV named by its file', () => {
    const data = loadDataFile(join(dir, 'points.csv'));
    expect(data).toMatchObject({ name: 'points.csv', task: 'classification', count: 3, inputSize: 2, outputSize: 2 });
    expect(resolveDataset(join(dir, 'points.csv'), { csv: { task: 'regression' } }).train.task).toBe('regression');
  });

  it('refuses empty, non-UTF-8, unknown and missing files, naming them', () => {
    expect(problem(() => loadDataFile(join(dir, 'empty.csv')))).toBe(`${join(dir, 'empty.csv')}: is empty`);
    expect(problem(() => loadDataFile(join(dir, 'latin1.csv')))).toBe(`${join(dir, 'latin1.csv')}: is not UTF-8 text`);
    expect(problem(() => loadDataFile(join(dir, 'notes.txt')))).toMatch(/notes\.txt: is not a data file this program reads: expected a \.csv file or an IDX file/);
    expect(problem(() => loadDataFile(join(dir, 'gone.csv')))).toBe(`${join(dir, 'gone.csv')}: does not exist (the file)`);
    expect(problem(() => loadDataFile(join(dir, 'plain.csv')))).toBe(`${join(dir, 'plain.csv')}: does not exist (the file)`);
  });
});

describe('resolveDataset by name', () => {
  it('generates function and toy sets with the seed', () => {
    const a = resolveDataset('f1d', { seed: 2 });
    const b = resolveDataset('f1d', { seed: 2 });
    expect(a.train.count).toBe(1000);
    expect(a.test!.count).toBe(200);
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(Array.from(resolveDataset('f1d', { seed: 3 }).train.x)).not.toEqual(Array.from(a.train.x));
    const spiral = resolveDataset('spiral', { seed: 1, trainCount: 100, testCount: 40, noise: 0.1 });
    expect(spiral.train.count).toBe(100);
    expect(spiral.test!.count).toBe(40);
  });

  it('refuses a name that is neither built in nor a file', () => {
    expect(problem(() => resolveDataset('mnist-fashion'))).toMatch(
      /^mnist-fashion: is neither a built-in dataset \(f1d, .*, digits, noisy-sine, adding, delayed-recall\) nor a file that exists$/,
    );
  });
});
