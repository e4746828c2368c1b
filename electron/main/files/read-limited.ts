/** Reading a user's file as text: checked with stat first, decoded strictly. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../../../engine/errors';

/** Project and network files are JSON; one this large is not one of ours. */
export const MAX_DOCUMENT_BYTES = 256 * 2 ** 20;

export async function readTextFile(path: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<string> {
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new InputError(`${name}: is not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${name}: cannot be opened (${describeFsError(e)})`);
  }
  if (size === 0) throw new InputError(`${name}: the file is empty`);
  if (size > maxBytes) throw new InputError(`${name}: ${(size / 2 ** 20).toFixed(0)} MB is too large for a Neuroloom file`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new InputError(`${name}: cannot be read (${describeFsError(e)})`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: is not a text file; it may be damaged`);
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}
