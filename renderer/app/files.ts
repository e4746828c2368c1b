/**
 * Reading and writing project files: whatever the user opens (a project, a
 * bare network document or the book's network2.py JSON) becomes a project;
 * saving writes the current document and settings as one project file.
 */
import { loadNetwork } from '../../engine/migrate';
import { InputError } from '../../engine/errors';
import { detectFormat, importNetwork2, parsePythonJson, type FileFormat } from '../../engine/formats/network2';
import { loadProject, newProject, PROJECT_FORMAT, PROJECT_VERSION, serialiseProject, type Project } from '../../engine/project';
import type { OpenedFile } from '../platform/host';
import type { Snapshot } from '../store/document-store';

export interface OpenedProject {
  project: Project;
  format: FileFormat;
  /** Imports carry no positions worth keeping: lay them out. */
  layout: boolean;
}

/** A file name without folders and without .json / .neuroloom.json. */
export function baseName(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  return file.replace(/(\.neuroloom)?\.json$/i, '') || 'Untitled';
}

function named(file: OpenedFile, e: unknown): never {
  const message = (e as Error).message ?? String(e);
  throw new InputError(message.startsWith(file.name) ? message : `${file.name}: ${message}`);
}

export function readProjectFile(file: OpenedFile): OpenedProject {
  const raw = parsePythonJson(file.text, file.name);
  const format = detectFormat(raw);
  try {
    switch (format) {
      case 'project':
        return { project: loadProject(raw), format, layout: false };
      case 'network':
        return { project: newProject(loadNetwork(raw), baseName(file.name)), format, layout: false };
      case 'network2':
        return { project: newProject(importNetwork2(raw, file.name), baseName(file.name)), format, layout: true };
      case null:
        throw new InputError(
          'this is not a Neuroloom project, a network document or a network2.py file (a project has "format": "neuroloom-project"; a network2.py file has "sizes", "weights" and "biases")',
        );
    }
  } catch (e) {
    return named(file, e);
  }
}

/** Reads a file as the book's network2.py JSON only. */
export function readNetwork2File(file: OpenedFile): OpenedProject {
  const raw = parsePythonJson(file.text, file.name);
  try {
    return { project: newProject(importNetwork2(raw, file.name), baseName(file.name)), format: 'network2', layout: true };
  } catch (e) {
    return named(file, e);
  }
}

export function projectOf({ doc, meta }: Snapshot): Project {
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, ...meta, network: doc };
}

export function projectText(snapshot: Snapshot): string {
  return serialiseProject(projectOf(snapshot));
}
