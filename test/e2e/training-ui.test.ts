/**
 * The training panel and views in Chromium, mounted as the app shell mounts
 * them (test/e2e/training-harness/ui-main.tsx): choose, check, train on the
 * digits through the worker, watch the charts fill, draw a digit, export.
 * Screenshots go to test-results/training-ui/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, serveHarness, type Served } from './training-harness/serve';

let served: Served;
let page: Page;
const problems: string[] = [];
const shots = join(ROOT, 'test-results', 'training-ui');

beforeAll(async () => {
  served = await serveHarness('training-ui');
  const context = await served.browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    // A failed fetch is reported below with its address.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(served.url('ui.html', '?epochs=2'));
  await page.getByTestId('training-panel').waitFor({ timeout: 15_000 });
}, 120_000);

afterAll(async () => {
  await served?.close();
});

const status = () => page.getByTestId('training-status').getAttribute('data-status');
const exported = () => page.evaluate(() => (globalThis as unknown as { exported: { name: string; kind: string; bytes: number[] }[] }).exported);

describe('the training panel and views (Chromium)', () => {
  it('previews the digits and checks that they fit the network before training', async () => {
    await expect.poll(() => page.getByTestId('sample-digits').isVisible(), { timeout: 15_000 }).toBe(true);
    const fit = page.getByTestId('fit-check');
    await expect.poll(() => fit.textContent()).toMatch(/^Fits the network/);
    expect(await fit.textContent()).toMatch(/features 1–784 → Input “Input”/);
    expect(await page.getByTestId('dataset-picker').textContent()).toMatch(/8,000 training and 2,000 test examples · 784 inputs → 10 outputs/);
    await page.screenshot({ path: join(shots, '1-before.png'), fullPage: true });
  });

  it('trains on the digits: progress, both charts, confusion matrix and mistakes', async () => {
    await page.getByTestId('cmd-train').click();
    await expect.poll(status, { timeout: 60_000, interval: 100 }).toBe('done');
    expect(await page.getByTestId('progress-text').textContent()).toMatch(/epoch 2 of 2 · mini-batch 0 of 800 · [\d,]+ examples\/s/);
    const chart = page.getByTestId('training-chart');
    await expect.poll(() => chart.locator('.recharts-line').count()).toBe(3); // training cost, test cost, test accuracy
    const ticks = await chart.locator('.recharts-xAxis-tick-labels').first().textContent();
    expect(ticks).toContain('1');
    expect(ticks).toContain('2');
    expect(await chart.locator('.recharts-legend-wrapper').first().textContent()).toMatch(/training cost.*test cost/);
    await expect.poll(() => page.getByTestId('speed-chart').locator('.recharts-line').count()).toBe(2); // hidden and output layer
    await expect.poll(() => page.getByTestId('confusion-matrix').textContent(), { timeout: 10_000 }).toMatch(/of 2,000 test examples right: \d+\.\d%/);
    const accuracy = Number(/right: (\d+\.\d)%/.exec((await page.getByTestId('confusion-matrix').textContent()) ?? '')?.[1]);
    expect(accuracy).toBeGreaterThan(85);
    await expect.poll(() => page.getByTestId('misclassified').locator('canvas').isVisible()).toBe(true);
    expect(await page.getByTestId('run-1').textContent()).toMatch(/Run 1 · MNIST digits · η 0.5 · λ 5 · batch 10 · seed 1 · epoch 2: cost [\d.]+, accuracy \d+\.\d%/);
    await page.screenshot({ path: join(shots, '2-trained.png'), fullPage: true });
  });

  it('reads a digit drawn with the mouse', async () => {
    const pad = page.getByTestId('draw-pad').locator('canvas.nl-tr-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('no pad');
    // A "1": one stroke down the middle.
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.85, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('draw-pad').locator('.nl-tr-reading').textContent()).toMatch(/^It reads \d$/);
    expect(await page.getByTestId('draw-pad').locator('.recharts-bar-rectangle').count()).toBe(10);
    await page.getByTestId('draw-pad').screenshot({ path: join(shots, '3-drawpad.png') });
  });

  it('exports a chart as PNG and the metrics as CSV', async () => {
    const chart = page.getByTestId('training-chart');
    await chart.getByRole('button', { name: 'PNG' }).click();
    await chart.getByRole('button', { name: 'CSV' }).click();
    await page.getByTestId('confusion-matrix').getByRole('button', { name: 'PNG' }).click();
    await expect.poll(async () => (await exported()).length).toBe(3);
    const files = await exported();
    const named = (name: string) => files.find((f) => f.name === name) ?? { name, kind: 'missing', bytes: [] };
    const [png, csv, matrix] = [named('training.png'), named('training.csv'), named('confusion-matrix.png')];
    expect(png.kind).toBe('png');
    expect(png.bytes.slice(0, 8)).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    writeFileSync(join(shots, 'export-training.png'), new Uint8Array(png.bytes));
    writeFileSync(join(shots, 'export-confusion-matrix.png'), new Uint8Array(matrix.bytes));
    // IHDR: width and height, big-endian, at bytes 16 and 20; drawn at twice the CSS size.
    const size = (b: number[], at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
    const box = await chart.boundingBox();
    expect(size(png.bytes, 16)).toBeGreaterThanOrEqual(2 * Math.floor((box?.width ?? 0) - 30));
    expect(size(png.bytes, 20)).toBeGreaterThan(2 * 300);
    expect(matrix.kind).toBe('png');
    expect(matrix.bytes.slice(0, 4)).toEqual([137, 80, 78, 71]);
    expect(csv.kind).toBe('csv');
    const text = new TextDecoder().decode(new Uint8Array(csv.bytes));
    expect(text.split('\r\n')[0]).toBe('run,dataset,eta,lambda,batch_size,optimizer,seed,epoch,training_cost,test_cost,test_accuracy,test_deviation,epoch_ms,speed_hidden-1,speed_output-layer');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('resets to the initial weights, keeps the first run to compare, re-randomises, and answers the keyboard', async () => {
    await page.getByTestId('run-1').getByRole('checkbox', { name: 'keep to compare' }).check();
    await page.getByTestId('cmd-reset').click();
    await expect.poll(status).toBe('paused');
    await page.locator('body').press('F10'); // one mini-batch
    await expect.poll(() => page.getByTestId('progress-text').textContent()).toMatch(/mini-batch 1 of 800/);
    await page.locator('body').press('F5'); // resume
    await expect.poll(status, { timeout: 60_000 }).toBe('done');
    const runs = await page.evaluate(() => {
      const s = (globalThis as unknown as { trainingStore: { getState(): { runs: { epochs: { testAccuracy: number | null }[] }[] } } }).trainingStore.getState();
      return s.runs.map((r) => r.epochs.map((m) => m.testAccuracy));
    });
    // The replay from the same initial weights with the same seed gives the same accuracies.
    expect(runs).toHaveLength(2);
    expect(runs[1]).toEqual(runs[0]);
    const chart = page.getByTestId('training-chart');
    await expect.poll(() => chart.locator('.recharts-line').count()).toBe(6);
    expect(await chart.locator('.recharts-legend-wrapper').first().textContent()).toMatch(/Run 1: training cost.*Run 2: training cost/);
    await chart.screenshot({ path: join(shots, '5-two-runs.png') });
    await page.getByTestId('cmd-reRandomise').click();
    const seed = await page.getByTestId('hp-seed').inputValue();
    expect(seed).not.toBe('1');
  });

  it('names a bad file from disk and keeps the dataset it had', async () => {
    await page.getByTestId('dataset-file-input').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('a,label\n1,0\n2,x\n') });
    await expect.poll(() => page.getByTestId('dataset-file-error').textContent()).toBe('broken.csv: line 3, column 2 ("label"): "x" is not a finite number');
    expect(await page.getByTestId('dataset-select').inputValue()).toBe('digits');
    await page.getByTestId('dataset-file-input').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,label\n0,0,0\n1,1,1\n0,1,0\n') });
    await expect.poll(() => page.getByTestId('fit-check').textContent()).toMatch(/^Does not fit the network/);
    expect(await page.getByTestId('fit-check').textContent()).toMatch(/The dataset has 2 inputs per example, but the network's Input nodes take 784/);
    expect(await page.getByTestId('cmd-train').isDisabled()).toBe(true);
    expect(await page.getByTestId('cmd-train').getAttribute('title')).toMatch(/^Cannot train: The dataset has 2 inputs/);
    await page.screenshot({ path: join(shots, '4-bad-fit.png'), fullPage: true });
  });

  it('logged no page errors', () => {
    expect(problems).toEqual([]);
  });
});
