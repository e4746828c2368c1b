/** Reading and writing the CLI's files: size-checked reads, atomic writes. */
import { statSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { CliError } from './errors';

/** Network and project files are JSON; anything this large is not one. */
const MAX_JSON_BYTES = 512 * 1024 * 1024;

export function readTextFile(path: string, maxBytes = MAX_JSON_BYTES): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CliError(`${path}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (size > maxBytes) throw new CliError(`${path}: ${(size / 2 ** 20).toFixed(0)} MB is too large for a network file`);
  return readFileSync(path, 'utf8');
}

/** Writes through a temporary file and a rename, so a crash leaves the old file or the new one. */
export function writeTextFileAtomic(path: string, text: string): void {
  try {
    writeFileAtomic.sync(path, text, { encoding: 'utf8' });
  } catch (e) {
    throw new CliError(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
