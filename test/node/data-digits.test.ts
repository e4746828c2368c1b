import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../engine/datasets/dataset';
import { resolveDataset } from '../../node/data';
import { allDigits, loadDigits } from '../../node/digits';

function imageHashes(data: Dataset): string[] {
  const out: string[] = [];
  for (let i = 0; i < data.count; i++) {
    const image = data.x.subarray(i * data.inputSize, (i + 1) * data.inputSize);
    out.push(createHash('sha1').update(new Uint8Array(image.buffer, image.byteOffset, image.byteLength)).digest('hex'));
  }
  return out;
}

describe('the mnist package digits', () => {
  it('has 10,000 digits with pixels in [0, 1]', () => {
    const all = allDigits();
    expect(all).toMatchObject({ count: 10_000, inputSize: 784, outputSize: 10, image: { width: 28, height: 28 } });
    expect(allDigits()).toBe(all); // parsed once per process
    const perClass = new Array<number>(10).fill(0);
    for (const l of all.labels!) perClass[l]++;
    expect(perClass).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  });

  it('splits 8,000 / 2,000 by default: disjoint, every digit in both, deterministic', () => {
    const { train, test } = loadDigits();
    expect(train.count).toBe(8000);
    expect(test.count).toBe(2000);
    // The package holds 10,000 distinct images, so a shared image means a shared example.
    expect(new Set(imageHashes(allDigits())).size).toBe(10_000);
    const trainHashes = imageHashes(train);
    const testHashes = imageHashes(test);
    expect(new Set([...trainHashes, ...testHashes]).size).toBe(10_000);
    for (let d = 0; d < 10; d++) {
      // Stratified: each digit's share of the test set is its share of the whole, within one.
      const inTest = Array.from(test.labels!).filter((l) => l === d).length;
      const inAll = Array.from(allDigits().labels!).filter((l) => l === d).length;
      expect(Math.abs(inTest - inAll / 5)).toBeLessThanOrEqual(1);
    }
    const again = loadDigits({ seed: 0 });
    expect(imageHashes(again.train)).toEqual(trainHashes);
    const other = loadDigits({ seed: 1 });
    expect(imageHashes(other.train)).not.toEqual(trainHashes);
    expect(Array.from(resolveDataset('digits', { seed: 0 }).test!.labels!)).toEqual(Array.from(test.labels!));
  });
});
