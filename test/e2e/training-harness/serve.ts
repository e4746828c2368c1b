/**
 * Builds the trainer worker harness page (worker.html) and serves it with
 * `vite preview` as a child process we own; launches Debian's Chromium.
 * close() stops both, also after a failure. A missing Chromium is an error,
 * not a skip. The e2e global setup builds the page once (buildWorkerHarness).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, RESULTS_DIR, requireChromium, run } from '../harness';

export const ROOT = resolve(__dirname, '../../..');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const CONFIG = 'test/e2e/training-harness/vite.config.mts';
const OUT_DIR = join(RESULTS_DIR, 'training-worker', 'dist');
/** The page fetches the digits asset the app ships. */
const PUBLIC_DIR = join(ROOT, 'renderer', 'public');

export interface Served {
  browser: Browser;
  url(page: 'worker.html', query?: string): string;
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

const env = (): NodeJS.ProcessEnv => ({ ...process.env, TRAINING_HARNESS_PUBLIC: PUBLIC_DIR });

export async function buildWorkerHarness(): Promise<void> {
  if (!existsSync(join(PUBLIC_DIR, 'digits.bin'))) {
    throw new Error('renderer/public/digits.bin is missing: run "node scripts/build-digits-asset.mjs" (npm install runs it as "prepare").');
  }
  await run([VITE, 'build', '--config', CONFIG, '--outDir', OUT_DIR, '--emptyOutDir'], 'vite build of the trainer worker harness', 180_000, env());
}

/** `build: false` serves what buildWorkerHarness() left (the e2e global setup built it). */
export async function serveHarness(options: { build?: boolean } = {}): Promise<Served> {
  requireChromium();
  if (options.build !== false) await buildWorkerHarness();
  else if (!existsSync(join(OUT_DIR, 'worker.html'))) throw new Error(`${OUT_DIR} holds no build: run the e2e tests through vitest (its global setup builds it)`);

  const port = await freePort();
  let log = '';
  const server = spawn(process.execPath, [VITE, 'preview', '--config', CONFIG, '--outDir', OUT_DIR, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = (): void => {
    server.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  server.once('exit', () => process.removeListener('exit', killOnExit));
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
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
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
