import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../engine/datasets/errors';
import { idxDataset, readIdx } from '../../../engine/datasets/idx';
import { idxBytes, images, labels } from './idx-bytes';

const IMG = 'train-images-idx3-ubyte';
const LAB = 'train-labels-idx1-ubyte';
const opts = { name: 'tiny', imagesFile: IMG, labelsFile: LAB };

/** Two 2x3 images: pixel values chosen so /255 is easy to check. */
const PIXELS = [0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 17];

function errorOf(f: () => unknown): DataError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

describe('IDX reading', () => {
  it('reads a hand-built images file and labels file', () => {
    const data = idxDataset(images(2, 2, 3, PIXELS), labels([7, 0]), opts);
    expect(data).toMatchObject({ name: 'tiny', task: 'classification', inputSize: 6, outputSize: 10, count: 2, image: { width: 3, height: 2 } });
    expect(Array.from(data.x)).toEqual(PIXELS.map((v) => Math.fround(v / 255)));
    expect(data.x[1]).toBeCloseTo(0.2, 7);
    expect(Array.from(data.labels!)).toEqual([7, 0]);
    expect(Array.from(data.y)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(data.classNames).toHaveLength(10);
  });

  it('reads the same data gzipped, detected by the magic bytes 1f 8b', () => {
    const plain = idxDataset(images(2, 2, 3, PIXELS), labels([7, 0]), opts);
    const gz = idxDataset(gzipSync(images(2, 2, 3, PIXELS)), gzipSync(labels([7, 0])), opts);
    expect(Array.from(gz.x)).toEqual(Array.from(plain.x));
    expect(Array.from(gz.labels!)).toEqual([7, 0]);
    // A file of several gzip members (cat a.gz b.gz) is valid gzip too.
    const whole = images(2, 2, 3, PIXELS);
    const twoMembers = concat(gzipSync(whole.subarray(0, 10)), gzipSync(whole.subarray(10)));
    expect(Array.from(idxDataset(twoMembers, labels([7, 0]), opts).x)).toEqual(Array.from(plain.x));
  });

  it('refuses a wrong magic number, naming the file and both numbers', () => {
    const e = errorOf(() => readIdx(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), { file: IMG, kind: 'images' }));
    expect(e.message).toBe(`${IMG}: is not an IDX images file (magic number 0x504b0304, expected 0x00000803)`);
    // A labels file given as the images file.
    const swapped = errorOf(() => idxDataset(labels([1, 2]), labels([1, 2]), opts));
    expect(swapped.message).toBe(`${IMG}: is not an IDX images file: it has 1 dimension (magic number 0x00000801, expected 0x00000803); is it a labels file?`);
  });

  it('refuses an element type other than unsigned byte', () => {
    const floats = idxBytes(0x0d, [1, 1, 1], [0, 0, 0, 0]);
    expect(errorOf(() => readIdx(floats, { file: IMG, kind: 'images' })).message).toBe(
      `${IMG}: IDX element type 0x0d (float) is not supported; only unsigned bytes (0x08) are`,
    );
  });

  it('refuses sizes that disagree with the data', () => {
    const short = images(2, 2, 3, PIXELS.slice(0, 11));
    expect(errorOf(() => readIdx(short, { file: IMG, kind: 'images' })).message).toBe(
      `${IMG}: is truncated: its header declares 28 bytes but the file holds 27 bytes`,
    );
    const long = images(2, 2, 3, [...PIXELS, 9, 9]);
    expect(errorOf(() => readIdx(long, { file: IMG, kind: 'images' })).message).toBe(
      `${IMG}: holds 2 bytes more than its header declares; the sizes disagree`,
    );
    const zero = images(0, 28, 28, []);
    expect(errorOf(() => readIdx(zero, { file: IMG, kind: 'images' })).message).toBe(`${IMG}: IDX dimension 1 is 0: the file holds no images`);
    expect(errorOf(() => idxDataset(images(2, 2, 3, PIXELS), labels([1, 2, 3]), opts)).message).toBe(
      `${LAB}: holds 3 labels but ${IMG} holds 2 images; the counts must agree`,
    );
  });

  it('refuses a truncated header and an empty file', () => {
    expect(errorOf(() => readIdx(new Uint8Array(0), { file: LAB, kind: 'labels' })).message).toBe(`${LAB}: is empty`);
    expect(errorOf(() => readIdx(Uint8Array.from([0, 0, 8, 3, 0, 0]), { file: IMG, kind: 'images' })).message).toBe(
      `${IMG}: is truncated: 6 bytes, too short for an IDX header`,
    );
    expect(errorOf(() => readIdx(Uint8Array.from([0, 0]), { file: IMG, kind: 'images' })).message).toBe(
      `${IMG}: is truncated: 2 bytes, too short for an IDX header`,
    );
  });

  it('refuses a declared 10 GB without allocating it, plain or gzipped', () => {
    const huge = idxBytes(0x08, [100_000, 316, 316], []); // 9.99e9 bytes declared, 16 held
    const before = process.memoryUsage().arrayBuffers;
    const t = performance.now();
    expect(errorOf(() => readIdx(huge, { file: IMG, kind: 'images' })).message).toBe(
      `${IMG}: its header declares 9.30 GiB, more than the 1.00 GiB limit`,
    );
    expect(errorOf(() => readIdx(gzipSync(huge), { file: IMG, kind: 'images' })).message).toBe(
      `${IMG}: its header declares 9.30 GiB, more than the 1.00 GiB limit`,
    );
    expect(performance.now() - t).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 2 ** 20);
  });

  it('refuses labels that are not classes', () => {
    expect(errorOf(() => idxDataset(images(2, 2, 3, PIXELS), labels([3, 10]), opts)).message).toBe(
      `${LAB}: label 10 of example 2 is not a class (expected 0 to 9)`,
    );
    const fashion = idxDataset(images(2, 2, 3, PIXELS), labels([3, 4]), { ...opts, classes: 5 });
    expect(fashion.outputSize).toBe(5);
  });
});

describe('IDX gzip guards', () => {
  const whole = images(2, 2, 3, PIXELS);

  it('refuses truncated gzip anywhere: in the header, the deflate data, the trailer', () => {
    const pixels = Array.from({ length: 50 * 784 }, (_, i) => (i * 37) % 251);
    const big = gzipSync(images(50, 28, 28, pixels));
    const file = `${IMG}.gz`;
    const cases: [number, string][] = [
      [5, 'gzip data is truncated (5 bytes)'],
      [Math.floor(big.length / 2), 'gzip data is corrupt or truncated (unexpected EOF)'],
      [big.length - 8, 'gzip data is truncated or corrupt (its CRC-32 or length check fails)'],
      [big.length - 4, 'gzip data is truncated or corrupt (its CRC-32 or length check fails)'],
      [big.length - 1, 'gzip data is truncated or corrupt (its CRC-32 or length check fails)'],
    ];
    for (const [cut, problem] of cases) {
      expect(errorOf(() => readIdx(big.subarray(0, cut), { file, kind: 'images' })).message).toBe(`${file}: ${problem}`);
    }
    expect(readIdx(big, { file, kind: 'images' }).dims).toEqual([50, 28, 28]);
  });

  it('refuses corrupt gzip data by its CRC-32', () => {
    const stored = gzipSync(whole, { level: 0 }); // stored blocks: flipping a payload byte still inflates
    const bad = stored.slice();
    bad[bad.length - 8 - 3] ^= 0x01;
    expect(errorOf(() => readIdx(bad, { file: `${IMG}.gz`, kind: 'images' })).message).toBe(
      `${IMG}.gz: gzip data is truncated or corrupt (its CRC-32 or length check fails)`,
    );
  });

  it('refuses a gzipped file whose header declares more than it inflates to', () => {
    const short = gzipSync(images(2, 2, 3, PIXELS.slice(0, 8)));
    expect(errorOf(() => readIdx(short, { file: `${IMG}.gz`, kind: 'images' })).message).toBe(
      `${IMG}.gz: is truncated: its header declares 28 bytes but it inflates to only 24 bytes`,
    );
  });

  it('stops a 10 GiB gzip bomb at the size its header declares, fast', () => {
    // One member holding a valid header for two 2x3 images (28 bytes with the pixels), then
    // 1,280 members of 8 MiB of zeros each: 10 GiB inflated from about 10 MB.
    const member = gzipSync(new Uint8Array(8 * 2 ** 20), { level: 1 });
    const bomb = concat(gzipSync(whole.subarray(0, 16)), ...Array.from({ length: 1280 }, () => member));
    expect(bomb.length).toBeLessThan(12 * 2 ** 20);
    const t = performance.now();
    expect(errorOf(() => readIdx(bomb, { file: `${IMG}.gz`, kind: 'images' })).message).toBe(
      `${IMG}.gz: inflates to more data than its header declares (28 bytes); the sizes disagree`,
    );
    expect(performance.now() - t).toBeLessThan(1000);
    // Without an IDX header it stops at the magic number.
    expect(errorOf(() => readIdx(concat(member, member), { file: `${IMG}.gz`, kind: 'images' })).message).toBe(
      `${IMG}.gz: is not an IDX images file (magic number 0x00000000, expected 0x00000803)`,
    );
  });
});

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
