/**
 * Saving killed mid-write: a child process saves two large documents over
 * one file in turn and is killed with SIGKILL at seeded random moments, 25
 * times. The file on disk must always be one complete document, and the
 * temporary files the kills leave are swept at the next start.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { isTempFileOf, sweepTempFiles } from '../../electron/main/files/atomic-write';
import { checkProjectForSave } from '../../electron/main/files/documents';
import { projectText, tempDir } from './helpers/fakes';

const LOOP_SOURCE = fileURLToPath(new URL('./fixtures/save-loop.ts', import.meta.url));
let loop = '';

// Bundled once to plain JavaScript, so each of the 25 children starts in milliseconds rather than through tsx.
beforeAll(async () => {
  const out = tempDir('neuroloom-save-loop-');
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: { ssr: LOOP_SOURCE, outDir: out, minify: false, write: true, rollupOptions: { output: { format: 'cjs', entryFileNames: 'save-loop.cjs' } } },
  });
  loop = join(out, 'save-loop.cjs');
}, 60_000);
const KILLS = 25;
const PARALLEL = 5;

/** A valid project of a few MB whose every weight says which document it is. */
function bigProject(marker: number): string {
  const text = projectText(`doc-${marker}`);
  const project = JSON.parse(text);
  project.view = { padding: Array.from({ length: 300_000 }, (_, i) => marker + i / 1e6) };
  return JSON.stringify(project);
}

function killOnce(target: string, a: string, b: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(loop, [target, a, b], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the saving child never started'));
    }, 15_000);
    child.once('message', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.once('exit', (_code, signal) => {
      clearTimeout(timeout);
      if (signal !== 'SIGKILL') reject(new Error(`the saving child ended by itself (${signal ?? _code})`));
      else resolve();
    });
    child.once('error', reject);
  });
}

describe('atomic save', () => {
  it(`leaves the complete old or the complete new document when killed mid-write (${KILLS} kills)`, async () => {
    const dir = tempDir('neuroloom-save-');
    const docs = [bigProject(1), bigProject(2)];
    const a = join(dir, 'a.src');
    const b = join(dir, 'b.src');
    writeFileSync(a, docs[0]);
    writeFileSync(b, docs[1]);
    const rng = new Rng(2026);
    const targets = Array.from({ length: PARALLEL }, (_, i) => join(dir, `project-${i}.neuroloom`));
    for (const t of targets) writeFileSync(t, docs[0]);

    const leftTemps = new Set<string>();
    const seen = new Set<string>();
    for (let round = 0; round < KILLS / PARALLEL; round++) {
      await Promise.all(targets.map((t) => killOnce(t, a, b, rng.uniform(0, 120))));
      for (const t of targets) {
        const text = readFileSync(t, 'utf8');
        expect(docs.includes(text), `${t} after kill ${round}`).toBe(true);
        checkProjectForSave(text, t); // and it loads
        seen.add(text === docs[0] ? 'old' : 'new');
        for (const n of readdirSync(dir)) if (isTempFileOf(t, join(dir, n))) leftTemps.add(n);
      }
    }
    // Both outcomes happened, and at least one kill landed mid-write (it left a temporary file).
    expect(seen).toEqual(new Set(['old', 'new']));
    expect(leftTemps.size).toBeGreaterThan(0);

    const removed = await sweepTempFiles(targets);
    expect(removed.map((p) => p.slice(dir.length + 1)).sort()).toEqual([...leftTemps].sort());
    for (const t of targets) expect(existsSync(t)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a.src', 'b.src', ...targets.map((t) => t.slice(dir.length + 1))].sort());
    console.info(`atomic save: ${KILLS} kills, ${leftTemps.size} left a temporary file mid-write, all swept`);
  });

  it('recognises only write-file-atomic temporary names beside a known file', () => {
    expect(isTempFileOf('/d/net.neuroloom', '/d/net.neuroloom.3141592653')).toBe(true);
    expect(isTempFileOf('/d/net.neuroloom', '/d/net.neuroloom.backup')).toBe(false);
    expect(isTempFileOf('/d/net.neuroloom', '/d/net.neuroloom.12345678901')).toBe(false);
    expect(isTempFileOf('/d/net.neuroloom', '/e/net.neuroloom.123')).toBe(false);
    expect(isTempFileOf('/d/net.neuroloom', '/d/other.neuroloom.123')).toBe(false);
  });
});
