/**
 * Runs the browser build for end-to-end tests and the UI benchmark: builds
 * the web bundle (once for all e2e files: test/e2e/global-setup.ts), serves
 * it with `vite preview` as a child process we own, and drives Debian's
 * Chromium through playwright-core. Everything is stopped in close(), also
 * when a step fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
/**
 * Built and screenshot files go under test-results/, which git ignores.
 * NEUROLOOM_E2E_DIR moves them, so two people testing in one work tree do not
 * build over each other.
 */
export const RESULTS_DIR = process.env.NEUROLOOM_E2E_DIR ? resolve(process.env.NEUROLOOM_E2E_DIR) : join(ROOT, 'test-results');
export const OUT_DIR = join(RESULTS_DIR, 'web');
export const SCREEN_DIR = join(RESULTS_DIR, 'screens');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function run(args: string[], what: string, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} took more than ${timeoutMs / 1000} s:\n${output.slice(-4000)}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new Error(`${what} failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (code ${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000} s:\n${log()}`);
}

export interface Preview {
  browser: Browser;
  baseUrl: string;
  /** Closes the browser, then stops the server. */
  stop(): Promise<void>;
}

/**
 * `vite preview` of a build, as a child process we own (killed with this
 * process if close is never reached), and Chromium to look at it. Resolves
 * once baseUrl + readyPath answers.
 */
export async function startPreview(options: { config: string; outDir: string; readyPath: string; env?: NodeJS.ProcessEnv }): Promise<Preview> {
  const port = await freePort();
  let log = '';
  const server = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--config', options.config, '--outDir', options.outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const killOnExit = (): void => {
    server.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  server.once('exit', () => process.removeListener('exit', killOnExit));
  server.stdout.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}/`;
  const stopServer = async (): Promise<void> => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  let browser: Browser;
  try {
    await waitForServer(baseUrl + options.readyPath, server, () => log, 30_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    await stopServer();
    throw e;
  }
  return {
    browser,
    baseUrl,
    async stop() {
      await browser.close().catch(() => undefined);
      await stopServer();
    },
  };
}

export interface Harness {
  browser: Browser;
  baseUrl: string;
  /** A fresh context and page at the app, with downloads allowed. */
  open(options?: { width?: number; height?: number; colorScheme?: 'light' | 'dark' }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. The browser tests need Debian's Chromium: run "apt-get install -y chromium" (CI does this in .ci/run).`,
    );
  }
}

/** Builds the browser build of the renderer into OUT_DIR (with the digits asset from renderer/public). */
export async function buildWeb(): Promise<void> {
  if (!existsSync(join(ROOT, 'renderer/public/digits.bin'))) {
    throw new Error('renderer/public/digits.bin is missing: run "node scripts/build-digits-asset.mjs" (npm install runs it as "prepare").');
  }
  await run([join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.mts', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], 'vite build', 180_000, {
    ...process.env,
    // Vitest sets NODE_ENV=test, which would build React's development bundle: test what users run.
    NODE_ENV: 'production',
  });
}

/** `build: false` serves what buildWeb() left in OUT_DIR (the e2e global setup built it). */
export async function startHarness(options: { build?: boolean } = {}): Promise<Harness> {
  requireChromium();
  mkdirSync(SCREEN_DIR, { recursive: true });
  if (options.build !== false) await buildWeb();
  else if (!existsSync(join(OUT_DIR, 'index.html'))) throw new Error(`${OUT_DIR} holds no build: run the e2e tests through vitest (its global setup builds it)`);
  const { browser, baseUrl, stop } = await startPreview({ config: 'vite.web.config.mts', outDir: OUT_DIR, readyPath: '' });
  return {
    browser,
    baseUrl,
    async open({ width = 1440, height = 900, colorScheme = 'light' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await page.getByRole('button', { name: /^Add Input/ }).waitFor();
      return { context, page };
    },
    close: stop,
  };
}
