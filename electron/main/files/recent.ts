/** The recent-files list: kept in a small JSON file, newest first, deduplicated. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from './atomic-write';

export const MAX_RECENT = 10;
const storeSchema = z.object({ version: z.literal(1), paths: z.array(z.string().min(1).max(4096)).max(100) });

export class RecentFiles {
  private paths: string[] = [];

  constructor(private readonly file: string, private readonly max = MAX_RECENT) {}

  /** A missing or damaged store is an empty list, never an error at start. */
  async load(): Promise<void> {
    try {
      this.paths = storeSchema.parse(JSON.parse(await readFile(this.file, 'utf8'))).paths.slice(0, this.max);
    } catch {
      this.paths = [];
    }
  }

  list(): string[] {
    return [...this.paths];
  }

  has(path: string): boolean {
    return this.paths.includes(resolve(path));
  }

  async add(path: string): Promise<void> {
    const p = resolve(path);
    this.paths = [p, ...this.paths.filter((q) => q !== p)].slice(0, this.max);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    const p = resolve(path);
    this.paths = this.paths.filter((q) => q !== p);
    await this.persist();
  }

  async clear(): Promise<void> {
    this.paths = [];
    await this.persist();
  }

  private async persist(): Promise<void> {
    await writeFileAtomically(this.file, JSON.stringify({ version: 1, paths: this.paths }));
  }
}
