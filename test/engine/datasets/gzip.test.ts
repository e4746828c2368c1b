import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32Update, gunzipLimited, isGzip } from '../../../engine/datasets/gzip';

describe('guarded gunzip', () => {
  it('computes the CRC-32 gzip uses (the check value of "123456789" is 0xcbf43926)', () => {
    const digits = new TextEncoder().encode('123456789');
    expect((crc32Update(0xffffffff, digits) ^ 0xffffffff) >>> 0).toBe(0xcbf43926);
  });

  it('inflates what fflate deflated, one member or several', () => {
    const text = new TextEncoder().encode('neuron by neuron '.repeat(1000));
    expect(isGzip(gzipSync(text))).toBe(true);
    expect(isGzip(text)).toBe(false);
    expect(gunzipLimited(gzipSync(text), { file: 'a.gz' })).toEqual(text);
    const two = new Uint8Array([...gzipSync(text.subarray(0, 100)), ...gzipSync(text.subarray(100))]);
    expect(gunzipLimited(two, { file: 'a.gz' })).toEqual(text);
  });

  it('refuses more output than the limit (a gzip bomb) with a message', () => {
    const bomb = gzipSync(new Uint8Array(16 * 2 ** 20), { level: 1 }); // 16 MiB from a few dozen KB
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => gunzipLimited(bomb, { file: 'bomb.gz', maxBytes: 2 ** 20 })).toThrow(
      'bomb.gz: inflates to more than 1.0 MiB; refusing it (a gzip bomb?)',
    );
  });

  it('refuses data that is not gzip', () => {
    expect(() => gunzipLimited(new Uint8Array(40), { file: 'x.gz' })).toThrow('x.gz: is not gzip data (it does not start with 1f 8b)');
  });
});
