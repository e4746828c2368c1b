/**
 * Datasets in the browser build: functions and toy sets generated from the
 * seed, the digits from the packed asset (fetched once), and uploaded files.
 * A data file named by path cannot be read here. The same function serves
 * the trainer worker and the renderer's digit views, so both see identical
 * training and test sets for the same seed.
 */
import { generateBuiltin } from '../../../engine/datasets/builtin';
import { catalogEntry } from '../../../engine/datasets/catalog';
import type { Dataset } from '../../../engine/datasets/dataset';
import { splitStratified } from '../../../engine/datasets/digits';
import { InputError } from '../../../engine/errors';
import type { DatasetChoice } from '../../../engine/project';
import { decodeDigitsAsset } from '../../../engine/datasets/digits-asset';
import { loadUploadedDataset } from '../../../engine/datasets/uploaded';
import { loadSequenceChoice } from '../../../engine/datasets/choice';
import type { LoadedDataset } from '../../../engine/datasets/loaded';
import { isSequenceSetName } from '../../../engine/datasets/sequence-sets';

export type Split = { train: Dataset; test: Dataset | null };
export type DatasetLoader = (choice: DatasetChoice, seed: number) => Promise<Split>;

/** Where the packed digits are, relative to the page or the worker script. */
export const DIGITS_ASSET_NAME = 'digits.bin';

/** Fetches the digits asset's bytes; an InputError says what went wrong and how to fix it. */
export async function fetchDigitsAsset(url: string | URL): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new InputError(`${DIGITS_ASSET_NAME}: the built-in digits could not be loaded (${(e as Error).message})`);
  }
  if (!response.ok) {
    throw new InputError(
      `${DIGITS_ASSET_NAME}: the built-in digits could not be loaded (HTTP ${response.status}); ` +
        'a build must run `node scripts/build-digits-asset.mjs` (npm run prepare) first',
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

export function createDatasetLoader(fetchDigits: () => Promise<Uint8Array>): DatasetLoader {
  let digits: Promise<Dataset> | null = null;
  const allDigits = (): Promise<Dataset> => {
    digits ??= fetchDigits().then((bytes) => decodeDigitsAsset(bytes, DIGITS_ASSET_NAME));
    // A failed fetch is not cached: the next Train tries again.
    digits.catch(() => {
      digits = null;
    });
    return digits;
  };
  return async (choice, seed) => {
    switch (choice.source) {
      case 'builtin': {
        if (choice.name === 'digits') return splitStratified(await allDigits(), { seed });
        if (isSequenceSetName(choice.name)) throw new InputError(`"${choice.name}" is a set of sequences: createTrainerDatasetLoader (or loadBuiltinSequence) makes it`);
        const generated = generateBuiltin(choice.name, { seed });
        if (generated) return generated;
        throw new InputError(`"${choice.name}" is not a built-in dataset${catalogEntry(choice.name) ? ' of the browser build' : ''}`);
      }
      case 'file':
        throw new InputError(`${choice.path}: the browser build cannot read a file by its path; choose it again with "File from disk"`);
      case 'upload':
        return loadUploadedDataset(choice);
    }
  };
}

/**
 * What the trainer worker loads: everything createDatasetLoader loads, plus
 * sequences (the generated sequence sets, sequence CSV uploads) for networks
 * with an LSTM or recurrent node.
 */
export function createTrainerDatasetLoader(fetchDigits: () => Promise<Uint8Array>): (choice: DatasetChoice, seed: number) => Promise<LoadedDataset> {
  const examples = createDatasetLoader(fetchDigits);
  return async (choice, seed) => loadSequenceChoice(choice, seed) ?? examples(choice, seed);
}
