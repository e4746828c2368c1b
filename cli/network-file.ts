/** Reads FILE as a project, a network document or the book's network2.py JSON. */
import { basename } from 'node:path';
import { DocumentError } from '../engine/document';
import { detectFormat, exportNetwork2, importNetwork2, parsePythonJson } from '../engine/formats/network2';
import { loadNetwork } from '../engine/migrate';
import { BOOK_RECIPES } from '../engine/recipes';
import { loadProject, newProject, parseJson, serialiseProject, type Project } from '../engine/project';
import { CliError } from './errors';
import { readTextFile, writeTextFileAtomic } from './files';

export type FileFormat = 'project' | 'network' | 'network2';

export function readNetworkFile(path: string): { project: Project; format: FileFormat } {
  const text = readTextFile(path);
  const name = basename(path);
  try {
    // network2.py's json.dump writes NaN and Infinity tokens that JSON.parse
    // rejects; parsePythonJson keeps them so the importer can say where they are.
    const raw: unknown = text.includes('"sizes"') ? parsePythonJson(text, path) : parseJson(text, path);
    const format = detectFormat(raw);
    switch (format) {
      case 'project':
        return { project: loadProject(raw), format };
      case 'network':
        return { project: newProject(loadNetwork(raw), name), format };
      case 'network2': {
        const network = importNetwork2(raw, path);
        const out = network.nodes.find((n) => n.kind === 'output');
        const cost = out?.kind === 'output' ? out.cost : 'crossEntropy';
        const project = newProject(network, name);
        // A network2.py file carries its cost; network.py's recipe is the quadratic one.
        if (cost === 'quadratic') project.hyperparameters = { ...BOOK_RECIPES.network.hyperparameters };
        return { project, format };
      }
      default:
        throw new CliError(`${path}: not a Neuroloom project, network document or network2.py JSON`);
    }
  } catch (e) {
    if (e instanceof DocumentError && !e.message.includes(path)) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
}

export function writeNetworkFile(path: string, project: Project, format: 'project' | 'network2'): void {
  const text = format === 'network2' ? JSON.stringify(exportNetwork2(project.network)) : serialiseProject(project);
  writeTextFileAtomic(path, `${text}\n`);
}
