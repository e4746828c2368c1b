/** Sequence CSVs picked in a browser (uploads) and how any CSV is told to be sequences: its header. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../engine/datasets/errors';
import { gunzipHead } from '../../../engine/datasets/gzip';
import { loadUpload, loadUploadedDataset, uploadFromFiles, type PickedFile } from '../../../engine/datasets/uploaded';
import { parseTrainerRequest } from '../../../engine/protocol/validate';
import { DEFAULT_HYPERPARAMETERS } from '../../../engine/project';
import { hasSequenceColumn } from '../../../engine/recurrent/sequence-csv';
import { sequenceNetwork } from '../../../engine/recurrent/network';
import { errorMessage } from '../../error-message';

const dataError = (f: () => unknown): string => errorMessage(DataError, f);

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (name: string, bytes: Uint8Array): PickedFile => ({ name, bytes });
const gz = (s: string): Uint8Array => new Uint8Array(gzipSync(text(s)));

const walks = 'sequence,x1,x2,target\na,0.1,0.7,\na,0.4,0.2,1\nb,0.9,0.3,0\nc,1,2,\nc,3,4,2\n';

describe('telling a CSV of sequences from a CSV of examples', () => {
  it('by a column named "sequence" in the header row, in any case, quoted or not, after a byte-order mark', () => {
    expect(hasSequenceColumn(walks)).toBe(true);
    expect(hasSequenceColumn('\ufeff"x";"Sequence";"y"\r\n1;a;2\r\n')).toBe(true);
    expect(hasSequenceColumn('\n\n  x , SEQUENCE ,label\n')).toBe(true);
    expect(hasSequenceColumn('x,sequence_id,label\n1,2,3\n')).toBe(false);
    expect(hasSequenceColumn('x,y,label\nsequence,1,2\n')).toBe(false); // only the first row counts
    expect(hasSequenceColumn('id,x\n', 'id')).toBe(true);
    expect(hasSequenceColumn('')).toBe(false);
  });

  it('reads the start of a gzipped file without inflating the rest', () => {
    const body = `${'sequence,x,target\n'}${'a,1,2\n'.repeat(200_000)}`;
    const head = gunzipHead(gz(body), { file: 'big.csv.gz', bytes: 1000 });
    expect(new TextDecoder().decode(head)).toBe(body.slice(0, 1000));
    expect(new TextDecoder().decode(gunzipHead(gz('short'), { file: 's.gz', bytes: 1000 }))).toBe('short');
    expect(dataError(() => gunzipHead(text('plain'), { file: 'p.gz', bytes: 10 }))).toBe('p.gz: is not gzip data (it does not start with 1f 8b)');
    const broken = gz(body);
    broken.fill(0xff, 10, 40);
    expect(dataError(() => gunzipHead(broken, { file: 'broken.csv.gz', bytes: 1000 }))).toMatch(/^broken\.csv\.gz: gzip data is corrupt or truncated/);
  });
});

describe('a sequence CSV picked in the browser', () => {
  it('becomes a sequence-csv upload, which loads as sequences', () => {
    const choice = uploadFromFiles([file('walks.csv', text(walks))]);
    expect(choice).toMatchObject({ source: 'upload', kind: 'sequence-csv', name: 'walks.csv' });
    const data = loadUpload(choice);
    expect(data.kind).toBe('sequences');
    expect(data.train).toMatchObject({ name: 'walks.csv', task: 'classification', inputSize: 2, outputSize: 3, count: 3, targets: 'last' });
    expect(data.test).toBeNull();
    // An example CSV is still examples.
    expect(loadUpload(uploadFromFiles([file('points.csv', text('x,label\n1,0\n2,1\n'))])).kind).toBeUndefined();
  });

  it('pairs a gzipped training file with a test file whose classes stop short: both get every class', () => {
    const choice = uploadFromFiles([file('walks-test.csv', text('sequence,x1,x2,target\nq,1,1,0\nr,2,2,1\n')), file('walks.csv.gz', gz(walks))]);
    expect(choice).toMatchObject({ kind: 'sequence-csv', name: 'walks.csv.gz', test: { name: 'walks-test.csv' } });
    const data = loadUpload(choice);
    if (data.kind !== 'sequences' || !data.test) throw new Error('expected sequences with a test set');
    expect(data.train.outputSize).toBe(3);
    expect(data.test.outputSize).toBe(3);
    expect(Array.from(data.test.y)).toEqual([1, 0, 0, 0, 1, 0]);
    expect(data.test.classNames).toEqual(['0', '1', '2']);
  });

  it('travels in a start request like any upload', () => {
    const choice = uploadFromFiles([file('walks.csv', text(walks))]);
    const request = parseTrainerRequest({ type: 'start', network: sequenceNetwork({ cell: 'lstm', inputSize: 2, hiddenSize: 3, outputSize: 3 }), dataset: choice, hyperparameters: DEFAULT_HYPERPARAMETERS, seed: 1, initialise: true });
    expect(request.type === 'start' && request.dataset).toMatchObject({ kind: 'sequence-csv', name: 'walks.csv' });
    expect(() => parseTrainerRequest({ type: 'start', network: {}, dataset: { ...choice, bytes: new Uint8Array(0) }, hyperparameters: DEFAULT_HYPERPARAMETERS, seed: 1, initialise: true })).toThrow(/dataset/);
  });

  it('names the file at fault when a file is bad, truncated or does not match its partner', () => {
    const bad = (files: PickedFile[]) => dataError(() => loadUpload(uploadFromFiles(files)));
    expect(bad([file('walks.csv', text('sequence,x,target\na,1,2\nb,1,2\na,3,4\n'))])).toMatch(/^walks\.csv: line 4: sequence "a" started at line 2 and was interrupted/);
    expect(bad([file('walks.csv', text('sequence,x,target\na,1,'))])).toMatch(/^walks\.csv: sequence "a" \(from line 2\) has no target in any row/);
    const cut = gz(walks).subarray(0, 30);
    expect(bad([file('walks.csv.gz', cut)])).toMatch(/^walks\.csv\.gz: gzip data is (corrupt or truncated|truncated or corrupt)/);
    expect(bad([file('walks.csv', Uint8Array.from([0x73, 0x65, 0x71, 0xff, 0xfe, 0x2c, 0x0a]))])).toBe('walks.csv: is not UTF-8 text (is it really a CSV file?)');
    expect(bad([file('walks.csv', text(walks)), file('walks-test.csv', text('sequence,x1,target\nq,1,0\n'))])).toBe('walks-test.csv: has 1 input column per step but walks.csv has 2');
    expect(bad([file('walks.csv', text(walks)), file('walks-test.csv', text('sequence,x1,x2,target\nq,1,1,0\nq,1,1,1\n'))])).toBe(
      'walks-test.csv: has targets on other rows than the last, but walks.csv has one target per sequence, on its last row',
    );
    // The loader of examples refuses it rather than misreading the sequence column as a feature.
    expect(dataError(() => loadUploadedDataset(uploadFromFiles([file('walks.csv', text(walks))])))).toBe(
      'walks.csv: holds sequences (it has a "sequence" column): it trains a network with an LSTM or recurrent node',
    );
  });
});
