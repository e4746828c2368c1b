/**
 * Training in the real app, end to end in Debian's Chromium on the browser
 * build (issue 6): the digits lesson trains in a Web Worker while the
 * progress bar moves and the charts fill; pause, resume, stop, reset to the
 * same initial weights, re-randomise; a digit drawn on the pad read by the
 * network; the f(x) lesson learning f; a run made to diverge; charts and
 * metrics exported; the settings saved with the project. Screenshots go to
 * test-results/screens/2x-*.png, measurements to test-results/e2e-training.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MOD, node, screenshot } from './driver';
import { RESULTS_DIR, SCREEN_DIR, startHarness, type Harness } from './harness';
import { startCpuTrace, startMeasuring, stopCpuTrace, stopMeasuring, type Responsiveness } from './responsiveness';

let harness: Harness;
const problems: string[] = [];
const measured: Record<string, unknown> = {};

beforeAll(async () => {
  harness = await startHarness({ build: !inject('e2eBuilt') });
}, 180_000);

afterAll(async () => {
  writeFileSync(join(RESULTS_DIR, 'e2e-training.json'), `${JSON.stringify(measured, null, 2)}\n`);
  await harness?.close();
});

async function openApp(): Promise<Page> {
  const { page } = await harness.open();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  return page;
}

async function openLesson(page: Page, id: string): Promise<void> {
  await page.getByTestId('tool-lessons').click();
  await page.getByTestId(`lesson-${id}`).click();
  await page.getByTestId('lesson-panel').waitFor();
}

const status = (page: Page) => page.getByTestId('training-status').getAttribute('data-status');
const progress = async (page: Page) => Number(await page.getByRole('progressbar', { name: 'Training progress' }).getAttribute('aria-valuenow'));
const progressText = async (page: Page) => (await page.getByTestId('progress-text').textContent()) ?? '';

async function saved(download: Download): Promise<string> {
  const dir = join(SCREEN_DIR, '..', 'downloads');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

type CsvRow = Record<string, string>;

/** WCAG's contrast ratio of two computed colours ("rgb(…)"). */
function contrastRatio(a: string, b: string): number {
  const luminance = (c: string): number => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const isDark = (colour: string): boolean => contrastRatio(colour, 'rgb(0, 0, 0)') < contrastRatio(colour, 'rgb(255, 255, 255)');

/** The training chart's numbers, through its CSV button, as a user would save them. */
async function metrics(page: Page): Promise<CsvRow[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('training-chart').getByRole('button', { name: 'CSV' }).click()]);
  const lines = readFileSync(await saved(download), 'utf8').trim().split('\r\n');
  const head = lines[0].split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [head[i], v])));
}

/** A value shown with a few digits: "mean |output − f| = 0.0123". */
async function deviation(page: Page): Promise<number> {
  return Number(/= ([\d.e+-]+)/.exec((await page.getByTestId('deviation').textContent()) ?? '')?.[1]);
}

async function setField(page: Page, testId: string, value: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(value);
  await field.press('Enter');
}

describe('training in the app (Chromium, browser build)', () => {
  let page: Page;
  let firstRun: CsvRow[] = [];

  it('opens the digits lesson ready to train: data previewed and checked against the network', async () => {
    page = await openApp();
    await openLesson(page, 'digits');
    // A lesson with data opens with the training panel and the training chart.
    expect(await page.getByTestId('side-training').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('tab-training').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('dataset-select').inputValue()).toBe('digits');
    await expect.poll(() => page.getByTestId('fit-check').textContent()).toMatch(/^Fits the network/);
    expect(await page.getByTestId('fit-check').textContent()).toMatch(/features 1–784 → Input “Digit image 28×28”/);
    expect(await page.getByTestId('dataset-picker').textContent()).toMatch(/8,000 training and 2,000 test examples · 784 inputs → 10 outputs/);
    await expect.poll(() => page.getByTestId('sample-digits').isVisible(), { timeout: 15_000 }).toBe(true);
    // The lesson's recipe is network2.py's.
    expect(await page.getByTestId('hp-eta').inputValue()).toBe('0.5');
    expect(await page.getByTestId('hp-lambda').inputValue()).toBe('5');
    expect(await page.getByTestId('hp-epochs').inputValue()).toBe('30');
    await screenshot(page, '20-digits-ready');
  });

  it('trains: the progress bar moves, the accuracy passes 0.85 after one epoch; pause, resume, stop', async () => {
    const loadBefore = loadavg()[0];
    await startCpuTrace(harness.browser, page);
    await startMeasuring(page);
    await page.getByTestId('cmd-train').click();
    // The bar moves: it is seen at two different places while the first epochs run.
    const seen = new Set<number>();
    await expect.poll(async () => (seen.add(await progress(page)), seen.size), { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(3);
    // The first epoch on the charts: their legends name the lines (the empty charts hold invisible lines ready).
    await expect.poll(() => page.getByTestId('training-chart').locator('.nl-tr-legend-item').count(), { timeout: 30_000, interval: 50 }).toBe(3);
    expect(await page.getByTestId('training-chart').locator('.recharts-line').count()).toBe(3);
    await page.getByTestId('cmd-pause').click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('paused');
    const responsiveness: Responsiveness = await stopMeasuring(page);
    const cpu = await stopCpuTrace(harness.browser);
    const load = [loadBefore, loadavg()[0]].map((l) => Math.round(100 * l) / 100);
    measured.digitsRunUntilPause = { ...responsiveness, cpu, load };
    await screenshot(page, '21-digits-paused');

    // Paused means paused: nothing moves.
    const at = await progressText(page);
    await page.waitForTimeout(400);
    expect(await progressText(page)).toBe(at);
    expect(await page.getByTestId('side-training').textContent()).toMatch(/paused/);

    // At least five progress updates a second reached the page, and no task of the page's own work
    // (its CPU time, the first epoch on the charts included) came near 100 ms. The 50 ms target is
    // the benchmark's (npm run bench:ui -- training): under vitest the app is built with NODE_ENV=test,
    // which is React's development build, about twice as slow. Wall time also counts the waits for a
    // core; this test and its trainer make a load of about 2, and it is checked only when nothing
    // else runs.
    expect(responsiveness.progressPerSecond).toBeGreaterThanOrEqual(5);
    expect(cpu.longestTaskCpuMs).toBeLessThan(100);
    if (Math.max(...load) < 3) expect(Math.max(0, ...responsiveness.longTasks.map(([, d]) => d))).toBeLessThan(250);

    // Long enough to be stopped by hand, then resumed from the keyboard.
    await setField(page, 'hp-epochs', '1000');
    await page.keyboard.press('F5');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('running');
    await expect.poll(() => progressText(page)).toMatch(/of 1,000/);
    await page.keyboard.press('Shift+F5');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('stopped');

    firstRun = (await metrics(page)).filter((r) => r.run === 'Run 1');
    expect(firstRun.length).toBeGreaterThanOrEqual(1);
    expect(firstRun[0].epoch).toBe('1');
    // network2.py's recipe on the 8,000 digits: one epoch is far past 0.85.
    measured.firstEpochAccuracy = Number(firstRun[0].test_accuracy);
    expect(Number(firstRun[0].test_accuracy)).toBeGreaterThanOrEqual(0.85);
    const ticks = await page.getByTestId('training-chart').locator('.recharts-xAxis-tick-labels').first().textContent();
    expect(ticks).toContain('1');
    expect(await page.getByTestId('run-1').textContent()).toMatch(/Run 1 · MNIST digits · η 0.5 · λ 5 · batch 10 · seed 1 · epoch \d+: cost [\d.]+, accuracy \d+\.\d%/);
    // The weights came back onto the canvas: Undo takes the whole run back in one step.
    expect(await page.getByTestId('tool-undo').getAttribute('title')).toBe('Undo training (Ctrl+Z)');
    await screenshot(page, '22-digits-trained');
  });

  it('reads a digit drawn on the pad: ten outputs, and the canvas shows the same input', async () => {
    await page.getByTestId('tab-digits').click();
    const pad = page.getByTestId('draw-pad').locator('canvas.nl-tr-pad');
    const box = await pad.boundingBox();
    if (!box) throw new Error('no pad');
    // A "1": one stroke down the middle.
    await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.48, box.y + box.height * 0.85, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('draw-pad').locator('.nl-tr-reading').textContent()).toBe('It reads 1');
    expect(await page.getByTestId('draw-pad').locator('.recharts-bar-rectangle').count()).toBe(10);
    // The pad is the probe's input: the Output node on the canvas says 1 too.
    await expect.poll(() => node(page, 'output').locator('.nl-output-row.is-best .nl-output-index').textContent()).toBe('1');
    await screenshot(page, '23-digit-drawn');

    await page.getByTestId('tab-confusion').click();
    await expect.poll(() => page.getByTestId('confusion-matrix').textContent(), { timeout: 15_000 }).toMatch(/of 2,000 test examples right: \d+\.\d%/);
    const accuracy = Number(/right: (\d+\.\d)%/.exec((await page.getByTestId('confusion-matrix').textContent()) ?? '')?.[1]);
    expect(accuracy).toBeGreaterThan(85);
    await expect.poll(() => page.getByTestId('misclassified').locator('canvas').isVisible()).toBe(true);
    await screenshot(page, '24-confusion-matrix');
  });

  it('resets to the same initial weights and gets the same first-epoch cost; keeps run 1 to compare', async () => {
    await page.getByTestId('tab-training').click();
    await page.getByTestId('run-1').getByRole('checkbox', { name: 'keep to compare' }).check();
    await page.getByTestId('cmd-reset').click();
    // A reset run waits at its first mini-batch; one step, then on to the end of the epoch.
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('paused');
    await page.keyboard.press('F10');
    await expect.poll(() => progressText(page)).toMatch(/mini-batch 1 of 800/);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('run-2').textContent(), { timeout: 30_000 }).toMatch(/epoch 1:/);
    const rows = await metrics(page);
    const second = rows.filter((r) => r.run === 'Run 2');
    expect(second[0].epoch).toBe('1');
    // Same initial weights, same seed, same shuffles: the very same numbers.
    expect(second[0].training_cost).toBe(firstRun[0].training_cost);
    expect(second[0].test_accuracy).toBe(firstRun[0].test_accuracy);
    const chart = page.getByTestId('training-chart');
    await expect.poll(() => chart.locator('.recharts-line').count()).toBe(6);
    expect(await chart.getByTestId('legend-cost').textContent()).toMatch(/Run 1: training cost.*Run 2: training cost/);
    await screenshot(page, '25-two-runs');
    await page.keyboard.press('Shift+F5');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('stopped');

    // Re-randomise: another seed, and fresh weights on the canvas as their own undo step.
    await page.keyboard.press('F8');
    await expect.poll(() => page.getByTestId('hp-seed').inputValue()).not.toBe('1');
    await expect.poll(() => page.getByTestId('tool-undo').getAttribute('title')).toBe('Undo re-randomise (Ctrl+Z)');
  });

  it('exports the chart on screen (Train menu) as PNG, and its numbers as CSV', async () => {
    await page.getByTestId('menu-train').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('menuitem-exportChart').click()]);
    expect(png.suggestedFilename()).toBe('training.png');
    const bytes = readFileSync(await saved(png));
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    // Drawn at twice the size on screen.
    const box = await page.getByTestId('training-chart').boundingBox();
    expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(2 * Math.floor(box?.width ?? 0) - 2);
    const rows = await metrics(page);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['run', 'epoch', 'training_cost', 'test_cost', 'test_accuracy', 'speed_hidden-1', 'speed_output-layer']));
    // The Speed of learning view: one line per layer.
    await page.getByTestId('tab-speed').click();
    await expect.poll(() => page.getByTestId('speed-chart').getByTestId('legend-speed').locator('li').count()).toBe(2);
    expect(await page.getByTestId('speed-chart').locator('.recharts-line').count()).toBe(2);
    await screenshot(page, '26-speed-of-learning');
  });

  it('names a bad data file and keeps the dataset it had; a file that does not fit disables Train', async () => {
    await page.getByTestId('dataset-file-input').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('a,label\n1,0\n2,x\n') });
    await expect.poll(() => page.getByTestId('dataset-file-error').textContent()).toBe('broken.csv: line 3, column 2 ("label"): "x" is not a finite number');
    expect(await page.getByTestId('dataset-select').inputValue()).toBe('digits');
    await page.getByTestId('dataset-file-input').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,label\n0,0,0\n1,1,1\n0,1,0\n') });
    await expect.poll(() => page.getByTestId('fit-check').textContent()).toMatch(/^Does not fit the network/);
    expect(await page.getByTestId('fit-check').textContent()).toMatch(/The dataset has 2 inputs per example, but the network's Input nodes take 784/);
    expect(await page.getByTestId('cmd-train').isDisabled()).toBe(true);
    await page.getByTestId('fit-check').scrollIntoViewIfNeeded();
    await screenshot(page, '27-bad-fit');
  });

  it('trains the f(x) lesson and the average deviation falls', async () => {
    const fx = await openApp();
    await openLesson(fx, 'learn-f');
    await fx.getByTestId('tab-function').click();
    const before = await deviation(fx);
    expect(before).toBeGreaterThan(0.05);
    await fx.getByTestId('cmd-train').click();
    await expect.poll(() => status(fx), { timeout: 60_000 }).toBe('done');
    const after = await deviation(fx);
    measured.fx = { deviationBefore: before, deviationAfter: after };
    expect(after).toBeLessThan(before / 2);
    await screenshot(fx, '28-fx-learned');
    // Per epoch too: the training chart's mean |a − y| falls.
    await fx.getByTestId('tab-training').click();
    const rows = await metrics(fx);
    const dev = rows.map((r) => Number(r.test_deviation));
    expect(dev.length).toBe(200);
    // Adam's steps make it jitter from epoch to epoch: the typical deviation of the last 20 epochs against the first.
    const late = dev.slice(-20).sort((a, b) => a - b)[10];
    measured.fx = { ...(measured.fx as object), firstEpochDeviation: dev[0], lateMedianDeviation: late };
    expect(late).toBeLessThan(0.75 * dev[0]);
    await screenshot(fx, '29-fx-training-chart');

    // η = 1000 with plain gradient descent: the run diverges, says so, and keeps the last finite weights.
    await fx.getByTestId('hyperparameters').getByLabel('Optimizer').selectOption('sgd');
    await setField(fx, 'hp-eta', '1000');
    await fx.getByTestId('cmd-train').click();
    await expect.poll(() => status(fx), { timeout: 30_000 }).toBe('diverged');
    expect(await fx.getByTestId('diverged').textContent()).toMatch(/The run diverged in epoch \d+, mini-batch \d+\..*Lower η to 100/);
    expect(await fx.getByTestId('side-training').textContent()).toMatch(/diverged/);
    await fx.getByTestId('tab-function').click();
    expect(Number.isFinite(await deviation(fx))).toBe(true);
    await screenshot(fx, '30-fx-diverged');
  });

  it('exports any view as PNG from the Train menu, and says so when there is nothing to export', async () => {
    const p = await openApp();
    await openLesson(p, 'learn-f');
    const exported = async (tab: string, name: string): Promise<{ width: number; height: number; bytes: number }> => {
      await p.getByTestId(`tab-${tab}`).click();
      await p.getByTestId('menu-train').click();
      const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('menuitem-exportChart').click()]);
      expect(download.suggestedFilename()).toBe(name);
      const bytes = readFileSync(await saved(download));
      // A PNG: its signature, then the IHDR chunk with the width and height.
      expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes: bytes.length };
    };
    const body = await p.locator('.nl-views [role="tabpanel"]').boundingBox();
    if (!body) throw new Error('no view body');
    const fn = await exported('function', 'function.png');
    // Drawn at twice the size on screen, with a 12 px margin and a title row above the view; a drawing of
    // lines and text, not an empty picture.
    expect(fn.width).toBe(2 * (Math.ceil(body.width) + 24));
    expect(fn.height).toBe(2 * (Math.ceil(body.height) + 36 + 24));
    expect(fn.bytes).toBeGreaterThan(20_000);
    const output = await exported('output', 'output.png');
    expect(output.width).toBe(fn.width);
    measured.exportedPng = { function: fn, output };
    // Views hidden: nothing on screen to export, and the app says so.
    await p.getByTestId('menu-view').click();
    await p.getByTestId('menuitem-toggleViews').click();
    await p.getByTestId('menu-train').click();
    await p.getByTestId('menuitem-exportChart').click();
    await expect.poll(() => p.getByTestId('toast-info').last().textContent()).toMatch(/There is no chart on screen to export: show the views/);
  });

  it('reads well in the dark theme while it trains', async () => {
    const { page: dark } = await harness.open({ colorScheme: 'dark' });
    dark.on('pageerror', (e) => problems.push(e.message));
    await openLesson(dark, 'digits');
    // Long enough to be still running when the screenshot is taken.
    await setField(dark, 'hp-epochs', '1000');
    await dark.getByTestId('cmd-train').click();
    // Two epochs on the charts: lines to look at (one point draws none).
    await expect.poll(() => dark.getByTestId('training-chart').locator('.nl-tr-legend-item').count(), { timeout: 30_000, interval: 50 }).toBe(3);
    await expect.poll(() => dark.getByTestId('chart-cost').locator('.recharts-line-curve').count(), { timeout: 30_000, interval: 50 }).toBe(2);
    await expect.poll(() => progressText(dark), { timeout: 30_000 }).toMatch(/epoch [2-9]/);
    // The ticks, the axis titles, the legend and the lines against the panel behind them.
    // Read in the page (a string: the test's types have no DOM).
    const colours = (await dark.evaluate(`(() => {
      const frame = document.querySelector('[data-testid="training-chart"]');
      const style = (selector) => getComputedStyle(frame.querySelector(selector) || frame);
      return {
        bg: getComputedStyle(frame).backgroundColor,
        tick: style('.recharts-cartesian-axis-tick-value').fill,
        label: style('.recharts-label').fill,
        legend: style('.nl-tr-legend-item').color,
        axis: style('.recharts-cartesian-axis-line').stroke,
        grid: style('.recharts-cartesian-grid line').stroke,
        line: style('.recharts-line-curve').stroke,
      };
    })()`)) as Record<string, string>;
    expect(isDark(colours.bg)).toBe(true);
    const contrast = Object.fromEntries(Object.entries(colours).filter(([k]) => k !== 'bg').map(([k, c]) => [k, Math.round(100 * contrastRatio(c, colours.bg)) / 100]));
    measured.darkContrast = { background: colours.bg, ...contrast };
    for (const k of ['tick', 'label', 'legend']) expect(contrast[k], k).toBeGreaterThanOrEqual(4.5);
    for (const k of ['axis', 'line']) expect(contrast[k], k).toBeGreaterThanOrEqual(3);
    expect(contrast.grid, 'grid').toBeGreaterThanOrEqual(1.3);
    // The tooltip, shown by pointing at the chart: dark, with light text.
    const plot = await dark.getByTestId('chart-cost').locator('.recharts-surface').boundingBox();
    if (!plot) throw new Error('no plot');
    await dark.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height * 0.5);
    const tooltip = dark.getByTestId('chart-cost').locator('.recharts-default-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const [tipBg, tipText] = (await dark.evaluate(`(() => {
      const tip = document.querySelector('[data-testid="chart-cost"] .recharts-default-tooltip');
      return [getComputedStyle(tip).backgroundColor, getComputedStyle(tip.querySelector('.recharts-tooltip-label') || tip).color];
    })()`)) as [string, string];
    expect(isDark(tipBg)).toBe(true);
    expect(contrastRatio(tipText, tipBg)).toBeGreaterThanOrEqual(4.5);
    expect(await status(dark)).toBe('running');
    await screenshot(dark, '32-dark-training');
    await dark.keyboard.press('Shift+F5');
    await expect.poll(() => status(dark), { timeout: 10_000 }).toBe('stopped');
  });

  it('saves the training settings with the project and opens them again; changing them marks the project unsaved', async () => {
    const p = await openApp();
    await openLesson(p, 'learn-f');
    const state = () => p.locator('.nl-title-state').textContent();
    expect(await state()).toBe('saved');
    await setField(p, 'hp-eta', '0.02');
    await expect.poll(state).toBe('unsaved changes');
    await setField(p, 'hp-seed', '77');
    const [download] = await Promise.all([p.waitForEvent('download'), p.keyboard.press(`${MOD}+s`)]);
    await expect.poll(state).toBe('saved');
    // Another dataset is a change too; choosing the saved one again is none.
    await p.getByTestId('dataset-select').selectOption('xor');
    await expect.poll(state).toBe('unsaved changes');
    await p.getByTestId('dataset-select').selectOption('f1d');
    await expect.poll(state).toBe('saved');
    const path = await saved(download);
    const project = JSON.parse(readFileSync(path, 'utf8')) as { dataset: unknown; hyperparameters: { eta: number; optimizer: string }; seed: number };
    expect(project.dataset).toEqual({ source: 'builtin', name: 'f1d' });
    expect(project.hyperparameters).toMatchObject({ eta: 0.02, optimizer: 'adam' });
    expect(project.seed).toBe(77);

    await openLesson(p, 'digits');
    expect(await p.getByTestId('hp-eta').inputValue()).toBe('0.5');
    await p.getByTestId('menu-file').click();
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByTestId('menuitem-open').click()]);
    await chooser.setFiles(path);
    await expect.poll(() => p.getByTestId('hp-eta').inputValue()).toBe('0.02');
    expect(await p.getByTestId('hp-seed').inputValue()).toBe('77');
    expect(await p.getByTestId('dataset-select').inputValue()).toBe('f1d');
  });

  it('resizes the views with the handle, by mouse and by keyboard', async () => {
    const p = await openApp();
    await openLesson(p, 'digits');
    const views = p.getByRole('region', { name: 'Views' });
    const before = (await views.boundingBox())?.height ?? 0;
    const handle = await p.getByTestId('views-resizer').boundingBox();
    if (!handle) throw new Error('no handle');
    await p.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await p.mouse.down();
    await p.mouse.move(handle.x + handle.width / 2, handle.y - 150, { steps: 8 });
    await p.mouse.up();
    await expect.poll(async () => (await views.boundingBox())?.height ?? 0).toBeGreaterThan(before + 140);
    const dragged = (await views.boundingBox())?.height ?? 0;
    await p.getByTestId('views-resizer').focus();
    await p.keyboard.press('ArrowDown');
    await expect.poll(async () => Math.round((await views.boundingBox())?.height ?? 0)).toBe(Math.round(dragged - 24));
    // aria-valuenow follows the measured height one render later.
    await expect.poll(async () => Number(await p.getByTestId('views-resizer').getAttribute('aria-valuenow'))).toBe(Math.round(dragged - 24));
    await screenshot(p, '31-views-taller');
    // Another recipe in the lesson's controls brings its own hyperparameters to the training panel.
    await p.getByTestId('lesson-panel').getByLabel('Recipe').selectOption('network');
    await expect.poll(() => p.getByTestId('hp-eta').inputValue()).toBe('3');
    expect(await p.getByTestId('hp-lambda').inputValue()).toBe('0');
  });

  it('logged no page errors', () => {
    expect(problems).toEqual([]);
  });
});
