/**
 * Saving so that a crash mid-save leaves the old file or the new one, never a
 * mix: write-file-atomic writes a temporary file beside the target, fsyncs it
 * and renames it over the target (a rename is atomic on one file system).
 */
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), { fsync: true });
}

/**
 * write-file-atomic names its temporary file `<target>.<uint32>`; one left by
 * a crash is swept at the next start. Only that exact shape beside a file we
 * know is touched.
 */
export function isTempFileOf(target: string, candidate: string): boolean {
  const name = basename(target);
  const other = basename(candidate);
  return dirname(candidate) === dirname(target) && other.startsWith(`${name}.`) && /^\d{1,10}$/.test(other.slice(name.length + 1));
}

/** Removes stray temporary files beside each target; returns what it removed. Missing folders are skipped. */
export async function sweepTempFiles(targets: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  const byDir = new Map<string, string[]>();
  for (const t of targets) byDir.set(dirname(t), [...(byDir.get(dirname(t)) ?? []), t]);
  for (const [dir, inDir] of byDir) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const candidate = join(dir, name);
      if (inDir.some((t) => isTempFileOf(t, candidate))) {
        try {
          await unlink(candidate);
          removed.push(candidate);
        } catch {
          // Another program's or already gone: not ours to insist on.
        }
      }
    }
  }
  return removed;
}
