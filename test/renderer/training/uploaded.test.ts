import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTrainerRequest } from '../../../engine/protocol/validate';
import { DEFAULT_HYPERPARAMETERS, loadProject, newProject } from '../../../engine/project';
import { layeredNetwork } from '../../../engine/build';
import { examplesUpload, loadUploadedDataset, uploadFromFiles, type PickedFile } from '../../../engine/datasets/uploaded';
import { images, labels } from '../../engine/datasets/idx-bytes';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (name: string, bytes: Uint8Array): PickedFile => ({ name, bytes });

/** Four 2x2 images, pixel p_ij = 10 * (image index) + position. */
const fourImages = images(4, 2, 2, Array.from({ length: 16 }, (_, i) => 10 * Math.floor(i / 4) + (i % 4)));

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('files picked in the browser', () => {
  it('a CSV becomes a dataset, read as the CLI reads it', () => {
    const choice = uploadFromFiles([file('points.csv', text('x,y,label\n0,0,0\n1,1,1\n0.5,0.25,1\n'))]);
    expect(choice).toMatchObject({ source: 'upload', kind: 'csv', name: 'points.csv' });
    const { train, test } = loadUploadedDataset(choice);
    expect(test).toBeNull();
    expect(train).toMatchObject({ task: 'classification', inputSize: 2, outputSize: 2, count: 3 });
    expect(Array.from(train.x)).toEqual([0, 0, 1, 1, 0.5, 0.25]);
  });

  it('a gzipped training CSV with a test CSV whose labels stop short: both get every class', () => {
    const trainCsv = gzipSync(text('a,label\n1,0\n2,1\n3,2\n'));
    const choice = uploadFromFiles([file('test.csv', text('a,label\n1,0\n2,1\n')), file('train.csv.gz', new Uint8Array(trainCsv))]);
    expect(choice).toMatchObject({ kind: 'csv', name: 'train.csv.gz', test: { name: 'test.csv' } });
    const { train, test } = loadUploadedDataset(choice);
    expect(train.outputSize).toBe(3);
    expect(test?.outputSize).toBe(3);
    expect(Array.from(test?.y ?? [])).toEqual([1, 0, 0, 0, 1, 0]);
  });

  it('an IDX pair, in any order, with its t10k pair as the test set', () => {
    const picked = [
      file('t10k-labels-idx1-ubyte', labels([3, 1, 4, 1])),
      file('train-images-idx3-ubyte.gz', new Uint8Array(gzipSync(fourImages))),
      file('t10k-images-idx3-ubyte', fourImages),
      file('train-labels-idx1-ubyte', labels([0, 9, 2, 6])),
    ];
    const choice = uploadFromFiles(picked);
    expect(choice).toMatchObject({ kind: 'idx', name: 'train', images: { name: 'train-images-idx3-ubyte.gz' }, labels: { name: 'train-labels-idx1-ubyte' } });
    const { train, test } = loadUploadedDataset(choice);
    expect(train).toMatchObject({ inputSize: 4, outputSize: 10, count: 4, image: { width: 2, height: 2 } });
    expect(Array.from(train.labels ?? [])).toEqual([0, 9, 2, 6]);
    expect(train.x[5]).toBeCloseTo(11 / 255, 7);
    expect(Array.from(test?.labels ?? [])).toEqual([3, 1, 4, 1]);
  });

  it('names Fashion-MNIST classes, and tells images from labels by magic number when names are odd', () => {
    const choice = uploadFromFiles([file('fashion-a.bin', fourImages), file('fashion-b.bin', labels([0, 1, 8, 9]))]);
    expect(choice.kind).toBe('idx');
    const { train } = loadUploadedDataset(choice);
    expect(train.classNames?.[9]).toBe('Ankle boot');
  });

  it('says what is wrong with a bad pick, naming the file', () => {
    expect(messageOf(() => uploadFromFiles([]))).toMatch(/no file/);
    expect(messageOf(() => uploadFromFiles([file('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))]))).toMatch(/^photo\.png: is neither a \.csv file nor an IDX file/);
    expect(messageOf(() => uploadFromFiles([file('train-images-idx3-ubyte', fourImages)]))).toMatch(/choose its labels file too/);
    expect(messageOf(() => uploadFromFiles([file('a.csv', text('1,2\n')), file('train-images-idx3-ubyte', fourImages)]))).toMatch(/not both/);
    expect(messageOf(() => uploadFromFiles([file('a.csv', text('1,2\n')), file('b.csv', text('1,2\n'))]))).toMatch(/name the test file/);
    expect(messageOf(() => uploadFromFiles([file('empty.csv', new Uint8Array(0))]))).toBe('empty.csv: is empty');
  });

  it('says what is wrong with a bad file, naming it', () => {
    const bad = (name: string, bytes: Uint8Array) => messageOf(() => loadUploadedDataset(uploadFromFiles([file(name, bytes)])));
    expect(bad('data.csv', text('x,label\n1,0\n2,abc\n'))).toMatch(/^data\.csv: line 3, column 2 \("label"\): "abc" is not a finite number/);
    expect(bad('data.csv', new Uint8Array([0xff, 0xfe, 0x00, 0x31]))).toMatch(/^data\.csv: is not UTF-8 text/);
    expect(bad('data.csv.gz', new Uint8Array(gzipSync(text('1,0\n'))).subarray(0, 12))).toMatch(/^data\.csv\.gz: .*(truncated|gzip)/);
    const truncated = messageOf(() =>
      loadUploadedDataset(uploadFromFiles([file('train-images-idx3-ubyte', fourImages.subarray(0, 20)), file('train-labels-idx1-ubyte', labels([0, 1, 2, 3]))])),
    );
    expect(truncated).toMatch(/^train-images-idx3-ubyte: is truncated/);
    const counts = messageOf(() =>
      loadUploadedDataset(uploadFromFiles([file('train-images-idx3-ubyte', fourImages), file('train-labels-idx1-ubyte', labels([0, 1]))])),
    );
    expect(counts).toMatch(/^train-labels-idx1-ubyte: holds 2 labels but train-images-idx3-ubyte holds 4 images/);
  });

  it('a lesson’s examples travel as rows; ragged rows are refused by name', () => {
    const choice = examplesUpload('adder rows', { task: 'classification', inputs: [[0, 1], [1, 1]], targets: [[1, 0], [0, 1]] });
    if (choice?.kind !== 'examples') throw new Error('expected examples');
    const { train, test } = loadUploadedDataset(structuredClone(choice));
    expect(train).toMatchObject({ name: 'adder rows', task: 'classification', inputSize: 2, outputSize: 2, count: 2 });
    expect(Array.from(train.y)).toEqual([1, 0, 0, 1]);
    expect(test).toBeNull();
    expect(examplesUpload('read only', { task: 'classification', inputs: [[0]] })).toBeNull();
    expect(messageOf(() => loadUploadedDataset({ ...choice, targets: [[1, 0], [0]] }))).toMatch(/^adder rows: 2 input rows and 2 target rows, each row of one length/);
    const request = { type: 'start', network: layeredNetwork([2, 2]), dataset: choice, hyperparameters: DEFAULT_HYPERPARAMETERS, seed: 1, initialise: true };
    expect(parseTrainerRequest(request)).toMatchObject({ dataset: { kind: 'examples' } });
    expect(() => parseTrainerRequest({ ...request, dataset: { ...choice, inputs: [[NaN, 1]] } })).toThrow(/bad trainer request: dataset/);
  });

  it('an upload passes the trainer protocol, but never into a saved project', () => {
    const choice = uploadFromFiles([file('points.csv', text('x,label\n0,0\n1,1\n'))]);
    const request = {
      type: 'start',
      network: layeredNetwork([1, 2]),
      dataset: choice,
      hyperparameters: DEFAULT_HYPERPARAMETERS,
      seed: 1,
      initialise: true,
    };
    expect(parseTrainerRequest(structuredClone(request))).toMatchObject({ dataset: { source: 'upload', kind: 'csv' } });
    expect(() => parseTrainerRequest({ ...request, dataset: { ...choice, bytes: 'not bytes' } })).toThrow(/bad trainer request: dataset/);
    expect(() => parseTrainerRequest({ ...request, dataset: { ...choice, bytes: new Uint8Array(0) } })).toThrow(/bad trainer request: dataset/);
    const project = JSON.parse(JSON.stringify(newProject(layeredNetwork([1, 2]))));
    expect(() => loadProject({ ...project, dataset: { source: 'upload', kind: 'csv', name: 'a.csv', bytes: {} } })).toThrow(/project dataset/);
  });
});
