import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../engine/datasets/errors';
import { splitStratified } from '../../../engine/datasets/digits';
import { Rng } from '../../../engine/rng';
import { createDatasetLoader } from '../../../renderer/training/data/browser-datasets';
import { decodeDigitsAsset, encodeDigitsAsset } from '../../../engine/datasets/digits-asset';
import { allDigits } from '../../../node/digits';

/** k images per digit with pixels from a palette of three-decimal values, like the package's. */
function smallDigits(k: number, seed: number): number[][] {
  const rng = new Rng(seed);
  return Array.from({ length: 10 }, () => Array.from({ length: k * 784 }, () => Number((rng.int(256) / 255).toFixed(3))));
}

const expectDataError = (fn: () => unknown, pattern: RegExp): void => {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DataError);
  expect((caught as Error).message).toMatch(/^digits\.bin: /);
  expect((caught as Error).message).toMatch(pattern);
};

describe('the packed digits asset', () => {
  it('decodes to exactly the pixels it was made from, gzipped or not', () => {
    const perDigit = smallDigits(3, 1);
    const raw = encodeDigitsAsset(perDigit);
    for (const bytes of [raw, new Uint8Array(gzipSync(raw))]) {
      const data = decodeDigitsAsset(bytes);
      expect(data).toMatchObject({ count: 30, inputSize: 784, outputSize: 10, image: { width: 28, height: 28 } });
      expect(Array.from(data.labels ?? [])).toEqual(Array.from({ length: 30 }, (_, i) => Math.floor(i / 3)));
      expect(Array.from(data.x)).toEqual(Array.from(Float32Array.from(perDigit.flat())));
    }
  });

  it('the script packs the mnist package into the very dataset node/digits.ts reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digits-asset-'));
    try {
      const out = join(dir, 'digits.bin');
      const run = spawnSync(process.execPath, ['scripts/build-digits-asset.mjs', '--out', out], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const bytes = new Uint8Array(readFileSync(out));
      expect(bytes.length).toBeLessThan(2.5 * 2 ** 20); // about 1.5 MiB: 10,000 digits a browser can fetch
      const packed = decodeDigitsAsset(bytes);
      const json = allDigits();
      expect(packed.count).toBe(10_000);
      expect(Buffer.from(packed.x.buffer).equals(Buffer.from(json.x.buffer))).toBe(true);
      expect(Array.from(packed.labels ?? [])).toEqual(Array.from(json.labels ?? []));
      // So the browser's seeded split is the desktop's and the CLI's.
      const a = splitStratified(packed, { seed: 5 });
      const b = splitStratified(json, { seed: 5 });
      expect(Buffer.from(a.test.x.buffer).equals(Buffer.from(b.test.x.buffer))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses foreign, truncated, corrupt and hostile files with the file named', () => {
    const raw = encodeDigitsAsset(smallDigits(1, 2));
    expectDataError(() => decodeDigitsAsset(new Uint8Array(0)), /not a Neuroloom digits file/);
    expectDataError(() => decodeDigitsAsset(new TextEncoder().encode('<!doctype html><html>not found</html>')), /not a Neuroloom digits file/);
    expectDataError(() => decodeDigitsAsset(raw.subarray(0, raw.length - 1)), /truncated or corrupt/);
    const gz = new Uint8Array(gzipSync(raw));
    expectDataError(() => decodeDigitsAsset(gz.subarray(0, gz.length - 20)), /gzip|truncated/);

    const patched = (at: number, value: number, float = false): Uint8Array => {
      const copy = raw.slice();
      const view = new DataView(copy.buffer);
      if (float) view.setFloat64(at, value, true);
      else view.setUint32(at, value, true);
      return copy;
    };
    expectDataError(() => decodeDigitsAsset(patched(4, 2)), /version 2/);
    expectDataError(() => decodeDigitsAsset(patched(8, 29)), /29x29/);
    expectDataError(() => decodeDigitsAsset(patched(12, 0)), /palette has 0/);
    expectDataError(() => decodeDigitsAsset(patched(16, 0xffffffff)), /more than the 100,000 limit/);
    expectDataError(() => decodeDigitsAsset(patched(56, NaN, true)), /palette value 0 is NaN/);
    const P = new DataView(raw.buffer).getUint32(12, true);
    const badIndex = raw.slice();
    badIndex[56 + 8 * P + 5] = 255;
    if (P < 256) expectDataError(() => decodeDigitsAsset(badIndex), /pixel index 255 is outside its palette/);
    // Gzip bombs: zeros are refused at the header; a good header is held to the size it declares.
    const zeros = new Uint8Array(gzipSync(new Uint8Array(64 * 2 ** 20)));
    expectDataError(() => decodeDigitsAsset(zeros), /not a Neuroloom digits file/);
    const padded = new Uint8Array(64 * 2 ** 20);
    padded.set(raw);
    expectDataError(() => decodeDigitsAsset(new Uint8Array(gzipSync(padded))), /more data than its header declares/);
  });

  it('the browser loader splits the asset with the seed, fetches it once, and retries after a failure', async () => {
    const bytes = encodeDigitsAsset(smallDigits(10, 3));
    let fetches = 0;
    let fail = true;
    const load = createDatasetLoader(async () => {
      fetches++;
      if (fail) throw new Error('offline');
      return bytes;
    });
    await expect(load({ source: 'builtin', name: 'digits' }, 1)).rejects.toThrow(/offline/);
    fail = false;
    // 100 digits are fewer than the default 8,000 / 2,000 split asks for: a clear error, after one successful fetch.
    await expect(load({ source: 'builtin', name: 'digits' }, 1)).rejects.toThrow(/more than the 100 there are/);
    await expect(load({ source: 'builtin', name: 'digits' }, 2)).rejects.toThrow(/more than the 100 there are/);
    expect(fetches).toBe(2);
    await expect(load({ source: 'file', path: '/etc/passwd' }, 1)).rejects.toThrow(/cannot read a file by its path/);
    await expect(load({ source: 'builtin', name: 'nope' }, 1)).rejects.toThrow(/"nope" is not a built-in dataset/);
    const xor = await load({ source: 'builtin', name: 'xor' }, 4);
    expect(xor.train.count).toBe(500);
    expect(xor.test?.count).toBe(200);
  });
});
