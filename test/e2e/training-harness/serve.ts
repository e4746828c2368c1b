/**
 * Builds the trainer worker harness page (worker.html) and serves it with
 * `vite preview` as a child process we own; launches Debian's Chromium.
 * close() stops both, also after a failure. A missing Chromium is an error,
 * not a skip. The e2e global setup builds the page once (buildWorkerHarness).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { RESULTS_DIR, ROOT, requireChromium, run, startPreview } from '../harness';

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

  const { browser, baseUrl, stop } = await startPreview({ config: CONFIG, outDir: OUT_DIR, readyPath: 'worker.html', env: env() });
  return { browser, url: (page, query = '') => `${baseUrl}${page}${query}`, close: stop };
}
