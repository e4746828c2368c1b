/**
 * Builds the training harness pages and serves them with `vite preview` as
 * a child process we own; launches Debian's Chromium. close() stops both,
 * also after a failure. A missing Chromium is an error, not a skip.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(__dirname, '../../..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const CONFIG = 'test/e2e/training-harness/vite.config.mts';

export interface Served {
  browser: Browser;
  url(page: 'worker.html' | 'ui.html', query?: string): string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      server.close(() => done(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** `name`: a folder of its own under test-results/, so test files can build side by side. */
export async function serveHarness(name: string): Promise<Served> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the browser tests need Debian's Chromium ("apt-get install -y chromium"; .ci/run does it).`);
  }
  const base = join(ROOT, 'test-results', name);
  const publicDir = join(base, 'public');
  const outDir = join(base, 'dist');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(publicDir, { recursive: true });
  const digits = spawnSync(process.execPath, ['scripts/build-digits-asset.mjs', '--out', join(publicDir, 'digits.bin')], { cwd: ROOT, encoding: 'utf8' });
  if (digits.status !== 0) throw new Error(`build-digits-asset failed:\n${digits.stderr}`);
  const env = { ...process.env, TRAINING_HARNESS_PUBLIC: publicDir };
  const build = spawnSync(process.execPath, [VITE, 'build', '--config', CONFIG, '--outDir', outDir], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
  if (build.status !== 0) throw new Error(`vite build of the training harness failed:\n${build.stdout}\n${build.stderr}`);

  const port = await freePort();
  let log = '';
  const server = spawn(process.execPath, [VITE, 'preview', '--config', CONFIG, '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const stop = async (): Promise<void> => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  const baseUrl = `http://127.0.0.1:${port}/`;
  let browser: Browser | null = null;
  try {
    const end = Date.now() + 30_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`vite preview exited:\n${log}`);
      const ok = await fetch(`${baseUrl}worker.html`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > end) throw new Error(`vite preview did not answer within 30 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  } catch (e) {
    await stop();
    throw e;
  }
  const b = browser;
  return {
    browser: b,
    url: (page, query = '') => `${baseUrl}${page}${query}`,
    async close() {
      await b.close().catch(() => undefined);
      await stop();
    },
  };
}
