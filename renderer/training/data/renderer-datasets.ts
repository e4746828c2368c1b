/**
 * The renderer's own copy of the datasets, for previews and the digit views
 * (the trainer's copy lives in its worker or process). Loaded with the same
 * seed-driven code, so the test set here is the trainer's test set.
 */
import type { Dataset, Task } from '../../../engine/datasets/dataset';
import { generateBuiltin } from '../../../engine/datasets/builtin';
import { catalogEntry } from '../../../engine/datasets/catalog';
import type { DatasetChoice, UploadedDataset } from '../../../engine/project';
import { createDatasetLoader, DIGITS_ASSET_NAME, fetchDigitsAsset, type DatasetLoader, type Split } from './browser-datasets';
import { loadUploadedDataset } from '../../../engine/datasets/uploaded';

let loader: DatasetLoader | null = null;

function rendererLoader(): DatasetLoader {
  loader ??= createDatasetLoader(() => fetchDigitsAsset(new URL(DIGITS_ASSET_NAME, document.baseURI)));
  return loader;
}

const splits = new Map<string, Promise<Split>>();
const uploads = new WeakMap<UploadedDataset, Split>();

/**
 * A dataset choice's training and test sets, cached by choice and seed (an
 * upload by its object). A file named by path is only read by the desktop
 * trainer: null here.
 */
export function loadForViews(choice: DatasetChoice, seed: number): Promise<Split | null> {
  if (choice.source === 'file') return Promise.resolve(null);
  if (choice.source === 'upload') {
    try {
      let split = uploads.get(choice);
      if (!split) {
        split = loadUploadedDataset(choice);
        uploads.set(choice, split);
      }
      return Promise.resolve(split);
    } catch (e) {
      return Promise.reject(e);
    }
  }
  // Functions and toy sets are cheap to make; the digits split is worth keeping.
  if (choice.name !== 'digits') {
    const made = generateBuiltin(choice.name, { seed });
    return made ? Promise.resolve(made) : rendererLoader()(choice, seed);
  }
  const key = `${choice.name}#${seed}`;
  let split = splits.get(key);
  if (!split) {
    split = rendererLoader()(choice, seed);
    splits.clear(); // one digits split at a time: 60 MB each
    splits.set(key, split);
    split.catch(() => splits.delete(key));
  }
  return split;
}

/** A choice's input and output sizes when known without waiting: built-ins, and uploads already read. */
export function knownShape(choice: DatasetChoice | null): { inputSize: number; outputSize: number; task: Task } | null {
  if (!choice) return null;
  if (choice.source === 'builtin') {
    const entry = catalogEntry(choice.name);
    // A sequence set's shape follows its settings (delayed-recall's symbols).
    return entry?.sequence ? entry.sequence.shape(choice.sequence) : (entry ?? null);
  }
  if (choice.source === 'upload') return uploads.get(choice)?.train ?? null;
  return null;
}

/** k sample images of each class from a classification set with images, for a preview grid. */
export function sampleImages(data: Dataset, perClass: number): number[] {
  const classes = data.outputSize;
  const picked: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < data.count; i++) {
    const label = data.labels?.[i];
    if (label === undefined || picked[label].length >= perClass) continue;
    picked[label].push(i);
    if (picked.every((p) => p.length >= perClass)) break;
  }
  // Column by column: each row of the grid shows one of each class.
  const order: number[] = [];
  for (let r = 0; r < perClass; r++) for (let c = 0; c < classes; c++) if (picked[c][r] !== undefined) order.push(picked[c][r]);
  return order;
}
