/**
 * Autosave for crash recovery. Each window of each session writes one file
 * `<session>-<slot>.json` in the recovery folder and removes it when the
 * window closes cleanly; files of other sessions found at start are what a
 * crash left behind, and are offered back.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../../engine/errors';
import type { RecoveredDocument } from '../../shared/contract';
import { writeFileAtomically } from './atomic-write';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const RECOVERY_ID = new RegExp(`^(${UUID})-(\\d{1,9})$`);
const RECOVERY_NAME = new RegExp(`^(${UUID})-(\\d{1,9})\\.json$`);
/** At most this many documents are offered back, newest first. */
export const MAX_RECOVERED = 20;

const recoverySchema = z
  .object({
    format: z.literal('neuroloom-recovery'),
    version: z.literal(1),
    name: z.string().max(500),
    savedAt: z.string().max(64),
    text: z.string(),
  })
  .strict();

export class RecoveryStore {
  constructor(
    readonly dir: string,
    /** This session's id (a UUID); its own files are never offered back to it. */
    readonly session: string,
  ) {
    if (!new RegExp(`^${UUID}$`).test(session)) throw new Error(`recovery session id must be a lowercase UUID: ${session}`);
  }

  private path(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  idFor(slot: number): string {
    return `${this.session}-${slot}`;
  }

  async save(slot: number, name: string, text: string, now = new Date()): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const body = JSON.stringify({ format: 'neuroloom-recovery', version: 1, name, savedAt: now.toISOString(), text });
    await writeFileAtomically(this.path(this.idFor(slot)), body);
  }

  /** The window closed cleanly: nothing to recover. */
  async clear(slot: number): Promise<void> {
    await unlink(this.path(this.idFor(slot))).catch(() => undefined);
  }

  /** Documents other sessions left behind, newest first; unreadable ones are skipped. */
  async list(): Promise<RecoveredDocument[]> {
    const found: RecoveredDocument[] = [];
    for (const name of await this.names()) {
      const match = RECOVERY_NAME.exec(name);
      if (!match || match[1] === this.session) continue;
      try {
        const parsed = recoverySchema.parse(JSON.parse(await readFile(join(this.dir, name), 'utf8')));
        found.push({ id: name.slice(0, -'.json'.length), name: parsed.name, savedAt: parsed.savedAt, text: parsed.text });
      } catch {
        continue;
      }
    }
    return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt)).slice(0, MAX_RECOVERED);
  }

  async discard(id: string): Promise<void> {
    if (!RECOVERY_ID.test(id)) throw new InputError(`not a recovery id: ${JSON.stringify(id).slice(0, 80)}`);
    await unlink(this.path(id)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  /** Removes anything in the folder that is not a recovery file: temporary files a crash left mid-write. */
  async sweep(): Promise<string[]> {
    const removed: string[] = [];
    for (const name of await this.names()) {
      if (RECOVERY_NAME.test(name)) continue;
      const path = join(this.dir, name);
      try {
        await unlink(path);
        removed.push(path);
      } catch {
        continue; // a folder, or gone already: leave it
      }
    }
    return removed;
  }

  private async names(): Promise<string[]> {
    try {
      return await readdir(this.dir);
    } catch {
      return [];
    }
  }
}
