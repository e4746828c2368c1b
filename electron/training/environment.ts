/**
 * What the trainer host needs from a Node-based runtime (the Electron utility
 * process, or a child_process under plain Node): datasets read from disk in
 * this process, so a 60,000-image set never crosses IPC.
 */
import { catalogEntry } from '../../engine/datasets/catalog';
import { DataError } from '../../engine/datasets/errors';
import type { LoadedDataset } from '../../engine/datasets/loaded';
import { loadUpload } from '../../engine/datasets/uploaded';
import { InputError } from '../../engine/errors';
import type { TrainerHostEnvironment } from '../../engine/protocol/host';
import type { DatasetChoice } from '../../engine/project';
import { resolveData } from '../../node/data';

export interface NodeTrainerOptions {
  /**
   * Whether this process may read a data file the request names. The utility
   * process allows only paths main granted (chosen in a native dialog or named
   * by a project the user opened); requests come from the renderer, which
   * must not be able to read any file it likes.
   */
  allowFile(path: string): boolean;
}

export function nodeTrainerEnvironment(options: NodeTrainerOptions): TrainerHostEnvironment {
  return {
    loadDataset: (choice, seed) => asInputError(() => loadChoice(choice, seed, options)),
    defer: (fn) => setImmediate(fn),
    now: () => performance.now(),
  };
}

function loadChoice(choice: DatasetChoice, seed: number, options: NodeTrainerOptions): LoadedDataset {
  if (choice.source === 'builtin') {
    // resolveData also takes paths; a built-in choice must never read a file.
    if (!catalogEntry(choice.name)) throw new InputError(`"${choice.name}" is not a built-in dataset`);
    return resolveData(choice.name, { seed, sequence: choice.sequence });
  }
  // Bytes sent with the request (a file dropped on the page): nothing to read from disk.
  if (choice.source === 'upload') return loadUpload(choice);
  for (const path of [choice.path, choice.testPath]) {
    if (path !== undefined && !options.allowFile(path)) {
      throw new InputError(`${path}: this data file was not chosen in this session; choose it again with "Data file..."`);
    }
  }
  // A CSV whose header names a "sequence" column is sequences; any other file is examples.
  return resolveData(choice.path, { seed, testPath: choice.testPath });
}

/**
 * The trainer host shows an InputError's message as it is and calls anything
 * else an internal error; a DataError (a bad file) is the user's to fix.
 */
async function asInputError<T>(load: () => T): Promise<T> {
  try {
    return load();
  } catch (e) {
    if (e instanceof DataError) throw new InputError(e.message);
    throw e;
  }
}
