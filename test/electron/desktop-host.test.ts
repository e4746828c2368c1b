/**
 * The desktop Host (renderer/platform/desktop-host.ts) in Debian's Chromium:
 * the training port handed over by window.postMessage, requests queued until
 * it comes, a crash turned into events, and nothing left waiting.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/fakes';

const CHROMIUM = '/usr/bin/chromium';
const PAGE = fileURLToPath(new URL('./fixtures/desktop-host-page.mjs', import.meta.url));

let browser: Browser | null = null;
let script = '';

beforeAll(async () => {
  const out = tempDir('neuroloom-host-page-');
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { lib: { entry: PAGE, formats: ['es'], fileName: () => 'page.js' }, outDir: out, minify: false, write: true, emptyOutDir: true },
  });
  script = readFileSync(join(out, 'page.js'), 'utf8');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function page(): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const p = await browser.newPage();
  await p.setContent('<!doctype html><html><body><input id="field"></body></html>');
  await p.addScriptTag({ content: script, type: 'module' });
  await p.waitForFunction(() => 'scenarios' in globalThis);
  return p;
}

type Scenarios = Record<string, (...args: unknown[]) => unknown>;
const scenario = async (name: string, ...args: unknown[]) => {
  const p = await page();
  try {
    // Runs in the page; the test's tsconfig has no DOM, hence globalThis.
    return await p.evaluate(([n, a]) => (globalThis as unknown as { scenarios: Scenarios }).scenarios[n as string](...(a as unknown[])), [name, args] as const);
  } finally {
    await p.close();
  }
};

describe.skipIf(!existsSync(CHROMIUM))('desktop host in Chromium', () => {
  for (const timing of ['before', 'after']) {
    it(`queues requests until the port comes (${timing} main answers), then delivers events in order; a stale port is ignored`, async () => {
      const events = await scenario('queuedThenDelivered', timing);
      expect(events).toEqual([
        { type: 'status', status: 'start' },
        { type: 'snapshot', epoch: 0, batch: 0, params: { isFloat64Array: true, values: [1.5, -2] } },
        { type: 'status', status: 'pause' },
        { type: 'status', status: 'resume' },
      ]);
    });
  }

  it('turns a crash into an error and a failed status, and answers later requests at once', async () => {
    const events = (await scenario('crash')) as { type: string; message?: string; status?: string }[];
    expect(events.slice(-3)).toEqual([
      { type: 'error', message: 'The training process was killed (SIGKILL).' },
      { type: 'status', status: 'failed', message: 'The training process was killed (SIGKILL).' },
      { type: 'error', message: 'The training process has stopped. Press Train to start it again.' },
    ]);
  });

  it('reports a refused connection (restart cap) and a port that never comes', async () => {
    expect(await scenario('refused')).toEqual([
      { type: 'error', message: 'The training process crashed 3 times in the last 60 s' },
      { type: 'status', status: 'failed', message: 'The training process crashed 3 times in the last 60 s' },
    ]);
    expect(await scenario('portNeverComes')).toEqual([
      { type: 'error', message: 'The training process did not answer. Press Train to try again.' },
      { type: 'status', status: 'failed', message: 'The training process did not answer. Press Train to try again.' },
    ]);
  });

  it('unwraps answers: a value, or an Error carrying main\'s message', async () => {
    expect(await scenario('requests')).toEqual({ recent: ['/a.neuroloom'], error: 'Error: bad.neuroloom: not valid JSON', kind: 'desktop' });
  });

  it('leaves editing commands to a focused text field, hands the others on, and drops what is not a menu command', async () => {
    expect(await scenario('commands')).toEqual({ seen: ['selectAll', 'save', 'train', 'stepEpoch'], selected: [0, 7] });
  });

  it('says clearly when the preload API is missing', async () => {
    expect(await scenario('missingApi')).toMatch(/desktop API is missing: this page must run in a Neuroloom window/);
  });
});
