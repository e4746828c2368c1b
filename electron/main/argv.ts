/**
 * Project files named on the command line (a double-click on a .neuroloom
 * file, `neuroloom-app net.neuroloom`, or a second launch that the single
 * instance receives). Flags, Chromium's switches and the app folder given to
 * `electron .` are not files.
 */
import { statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { PROJECT_EXTENSION } from './files/documents';

const OPENABLE = new Set([`.${PROJECT_EXTENSION}`, '.json']);

export function filesFromArgv(argv: readonly string[], cwd: string, isFile: (path: string) => boolean = defaultIsFile): string[] {
  const files: string[] = [];
  // argv[0] is the executable; in development argv[1] is the app folder.
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !OPENABLE.has(extname(arg).toLowerCase())) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (isFile(path) && !files.includes(path)) files.push(path);
  }
  return files;
}

function defaultIsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
