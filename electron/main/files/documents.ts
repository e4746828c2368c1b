/**
 * Project documents, network documents and network2.py files, read and
 * checked in main before the renderer sees them, and checked again before
 * they are written. A file that fails is left exactly as it was.
 */
import { basename } from 'node:path';
import { InputError } from '../../../engine/errors';
import { detectFormat } from '../../../engine/formats/detect';
import { parseNetwork2Text } from '../../../engine/formats/network2-import';
import { loadNetwork } from '../../../engine/migrate';
import { loadProject, parseJson, type Project } from '../../../engine/project';
import type { OpenedFile } from '../../shared/contract';
import { readTextFile } from './read-limited';

/** Project files; the dialogs also accept plain .json (the CLI writes those). */
export const PROJECT_EXTENSION = 'neuroloom';

/** Reads a project (or a bare network document) and returns its text once it is known to load. */
export async function openDocumentFile(path: string): Promise<OpenedFile> {
  const text = await readTextFile(path);
  checkDocumentText(text, basename(path));
  return { name: basename(path), path, text };
}

/** Throws an InputError naming the file if `text` is not a project or network document this build reads. */
export function checkDocumentText(text: string, name: string): 'project' | 'network' {
  const raw = parseJson(text, name);
  const format = detectFormat(raw);
  try {
    if (format === 'project') {
      loadProject(raw);
      return 'project';
    }
    if (format === 'network') {
      loadNetwork(raw);
      return 'network';
    }
  } catch (e) {
    throw new InputError(`${name}: ${(e as Error).message}`);
  }
  if (format === 'network2') throw new InputError(`${name}: this is network2.py JSON; open it with File > Import network2.py JSON`);
  throw new InputError(`${name}: not a Neuroloom project (no "format": "neuroloom-project")`);
}

/**
 * A project must load again exactly as saved. JSON.stringify writes NaN and
 * Infinity as null, which loadProject refuses, so a non-finite weight can
 * never reach the disk in disguise.
 */
export function checkProjectForSave(text: string, name: string): Project {
  const raw = parseJson(text, name);
  try {
    return loadProject(raw);
  } catch (e) {
    throw new InputError(`cannot save ${name}: ${(e as Error).message}`);
  }
}

export async function openNetwork2File(path: string): Promise<OpenedFile> {
  const text = await readTextFile(path);
  parseNetwork2Text(text, basename(path));
  return { name: basename(path), path, text };
}

/** network2.py's load() must read what we write; `null` where a number belongs fails here. */
export function checkNetwork2ForExport(text: string, name: string): void {
  parseNetwork2Text(text, name);
}
