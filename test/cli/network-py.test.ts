/**
 * Through the CLI with --shuffle none --precision float64, one epoch of
 * network.py's recipe on real digits (as IDX files) equals the book's
 * algorithm, run by the Python oracle, to 1e-9.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDigits } from '../../node/digits';
import { oracle, scratchDir } from '../oracles/nielsen';
import { cli } from './run-cli';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

/** IDX bytes as MNIST writes them: magic, counts, then unsigned bytes. */
function idx(magic: number, dims: number[], data: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}

describe("CLI training equals the book's network.py", () => {
  it('784-30-10, quadratic cost, eta 3.0, batch 10, one epoch over 300 digits: weights agree to 1e-9', () => {
    const count = 300;
    const { train } = loadDigits({ seed: 1, trainCount: count, testCount: 10 });
    const pixels = new Uint8Array(count * 784);
    for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round(train.x[i] * 255);
    const labels = Uint8Array.from(train.labels ?? []);
    writeFileSync(scratch.file('train-images-idx3-ubyte'), idx(0x803, [count, 28, 28], pixels));
    writeFileSync(scratch.file('train-labels-idx1-ubyte'), idx(0x801, [count], labels));
    // The oracle reads the same numbers: pixel bytes / 255, one-hot labels.
    const x = Array.from({ length: count }, (_, i) => Array.from(pixels.subarray(i * 784, (i + 1) * 784), (p) => p / 255));
    const y = Array.from(labels, (l) => Array.from({ length: 10 }, (_, j) => (j === l ? 1 : 0)));
    scratch.file('data.json', { x, y });

    oracle('init', '784,30,10', '--seed', '5', '--cost', 'QuadraticCost', '--out', scratch.file('start.json'));
    oracle('train', scratch.file('start.json'), scratch.file('data.json'), '--epochs', '1', '--batch', '10', '--eta', '3.0', '--lambda', '0', '--cost', 'QuadraticCost', '--out', scratch.file('python.json'));
    const r = cli(
      'train', scratch.file('start.json'), '--data', scratch.file('train-images-idx3-ubyte'),
      '--epochs', '1', '--batch', '10', '--eta', '3.0', '--lambda', '0', '--cost', 'quadratic',
      '--shuffle', 'none', '--precision', 'float64', '--format', 'network2', '--out', scratch.file('ours.json'),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);

    type Net = { weights: number[][][]; biases: number[][][] };
    const start = JSON.parse(scratch.read('start.json')) as Net;
    const python = JSON.parse(scratch.read('python.json')) as Net;
    const ours = JSON.parse(readFileSync(scratch.file('ours.json'), 'utf8')) as Net;
    let maxDiff = 0;
    let maxMove = 0;
    python.weights.forEach((m, l) => m.forEach((row, j) => row.forEach((w, k) => {
      maxDiff = Math.max(maxDiff, Math.abs(w - ours.weights[l][j][k]));
      maxMove = Math.max(maxMove, Math.abs(w - start.weights[l][j][k]));
    })));
    python.biases.forEach((m, l) => m.forEach((row, j) => (maxDiff = Math.max(maxDiff, Math.abs(row[0] - ours.biases[l][j][0])))));
    expect(maxMove).toBeGreaterThan(0.01);
    expect(maxDiff).toBeLessThanOrEqual(1e-9);
  });
});
