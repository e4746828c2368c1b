/**
 * End to end in Chromium on the browser build: an LSTM built from the
 * palette, edited in the inspector (size, cell, undo and redo), its gates over
 * a sequence in the gate view, the gradient against k for both cells, and the
 * lesson "The LSTM cell". Screenshots land in $NEUROLOOM_E2E_DIR/screens.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvas, clickPane, dragConnection, MOD, node, screenshot, select, typeNumber } from './driver';
import { SCREEN_DIR, startHarness, type Harness } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ build: !inject('e2eBuilt') });
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

async function openApp(options?: { colorScheme?: 'light' | 'dark'; height?: number }): Promise<{ page: Page; errors: string[] }> {
  const { page } = await harness.open({ height: options?.height ?? 1000, colorScheme: options?.colorScheme });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

/** Drags a palette item (any kind, the LSTM too) onto the canvas at (x, y) from its top left corner. */
async function drop(page: Page, kind: 'input' | 'recurrent' | 'layer' | 'output', x: number, y: number): Promise<void> {
  await page.getByTestId(`palette-${kind}`).dragTo(canvas(page), { targetPosition: { x, y } });
}

/** The gate view's accessible table: one column per series, one row per step. */
async function gateColumns(page: Page): Promise<string[]> {
  return page.getByTestId('gate-table').locator('thead th').allTextContents();
}

async function waitForGradients(page: Page): Promise<{ rows: string[][]; status: string }> {
  const status = page.getByTestId('gradient-k-status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
  await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/measured in/);
  const rows: string[][] = [];
  for (const r of await page.getByTestId('gradient-k-table').locator('tbody tr').all()) rows.push(await r.locator('th, td').allTextContents());
  return { rows, status: (await status.textContent()) ?? '' };
}

describe('an LSTM on the canvas', () => {
  it('is built from the palette, edited in the inspector with undo and redo, and shows its gates and gradients', async () => {
    const { page, errors } = await openApp();
    await drop(page, 'input', 80, 200);
    await drop(page, 'recurrent', 300, 200);
    await drop(page, 'layer', 560, 200);
    await drop(page, 'output', 770, 200);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await dragConnection(page, 'input-1', 'recurrent-1');
    await dragConnection(page, 'recurrent-1', 'layer-1');
    await dragConnection(page, 'layer-1', 'output-1');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    // W into the LSTM: four gate blocks of 4 units by 1 input.
    await expect.poll(() => page.getByTestId('matrix-input-1->recurrent-1').textContent()).toMatch(/^4 gates × 4×1/);
    expect(await node(page, 'recurrent-1').textContent()).toContain('4 units · sequence → one');
    expect(await node(page, 'recurrent-1').getAttribute('aria-label')).toBe('LSTM layer LSTM 1');
    // One output: the gate view then plays noisy sine, the set of that shape.
    await select(page, 'layer-1');
    await typeNumber(page.getByTestId('layer-size'), '1');
    await clickPane(page);
    await page.keyboard.press('Shift+L');
    await page.waitForTimeout(600);
    for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(400);
    await node(page, 'recurrent-1').screenshot({ path: join(SCREEN_DIR, 'lstm-00-node-zoomed.png') });
    await page.keyboard.press('Shift+1');
    await page.waitForTimeout(400);

    // The stacked W as an image, with its four gate blocks explained.
    await page.getByTestId('matrix-input-1->recurrent-1').click();
    await page.getByTestId('weight-image').waitFor();
    expect(await page.getByTestId('weight-image-gates').textContent()).toMatch(/four blocks of 4, one per gate/);
    await page.keyboard.press('Escape');
    // The inspector of that edge says which rows feed which gate.
    await expect.poll(() => page.getByTestId('inspector-title').textContent()).toMatch(/→/);
    expect(await page.getByTestId('edge-rows').textContent()).toMatch(/rows 1–4 feed the rem gate of units 1–4 of “LSTM 1”, the next 4 the save gate, then focus, then the candidate ltm′/);

    await select(page, 'recurrent-1');
    expect(await page.getByTestId('inspector-title').textContent()).toBe('LSTM 1');
    expect(await page.getByTestId('recurrent-gates').locator('.nl-gate').count()).toBe(4);
    await screenshot(page, 'lstm-01-built');

    await typeNumber(page.getByTestId('recurrent-size'), '6');
    await expect.poll(() => node(page, 'recurrent-1').textContent()).toContain('6 units');
    await expect.poll(() => page.getByTestId('matrix-input-1->recurrent-1').textContent()).toMatch(/^4 gates × 6×1/);
    await page.getByTestId('recurrent-cell').selectOption('rnn');
    await expect.poll(() => page.getByTestId('inspector-title').textContent()).toBe('Recurrent 1');
    expect(await node(page, 'recurrent-1').textContent()).toContain('RNN');
    expect(await page.getByTestId('recurrent-gates').locator('.nl-gate').count()).toBe(1);
    // The plain layer's W is one block: 6 rows by 1.
    await expect.poll(() => page.getByTestId('matrix-input-1->recurrent-1').textContent()).toMatch(/^6×1/);
    await screenshot(page, 'lstm-02-plain-cell');

    await clickPane(page);
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => node(page, 'recurrent-1').textContent()).toContain('LSTM');
    expect(await node(page, 'recurrent-1').textContent()).toContain('6 units');
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => node(page, 'recurrent-1').textContent()).toContain('4 units');
    await page.keyboard.press(`${MOD}+Shift+z`);
    await page.keyboard.press(`${MOD}+Shift+z`);
    await expect.poll(() => node(page, 'recurrent-1').textContent()).toContain('Recurrent 1');
    expect(await node(page, 'recurrent-1').textContent()).toContain('6 units');

    // The plain layer's gate view plots h of every unit.
    await page.getByTestId('tab-gates').click();
    await page.getByTestId('gate-view').waitFor();
    expect(await page.getByTestId('gate-view').getAttribute('data-cell')).toBe('rnn');
    expect(await page.getByTestId('gate-plot').locator('canvas').getAttribute('data-series-count')).toBe('6');
    await screenshot(page, 'lstm-03-gates-plain');

    // Back to an LSTM through the inspector; the gate view follows the edit.
    await select(page, 'recurrent-1');
    await page.getByTestId('recurrent-cell').selectOption('lstm');
    await expect.poll(() => page.getByTestId('gate-view').getAttribute('data-cell')).toBe('lstm');
    expect(await gateColumns(page)).toEqual(['step', 'rem_t', 'save_t', 'focus_t', "ltm'_t", 'ltm_t', 'wm_t']);
    expect(await page.getByTestId('gate-plot').locator('canvas').getAttribute('data-series-count')).toBe('6');
    for (const key of ['input', 'rem', 'save', 'focus', 'ltm', 'wm', 'output']) expect(await page.getByTestId(`gate-map-${key}`).count()).toBe(1);
    // The gates lie in (0, 1) at every step.
    const gateValues: number[] = [];
    for (const r of await page.getByTestId('gate-table').locator('tbody tr').all()) gateValues.push(...(await r.locator('td').allTextContents()).slice(0, 3).map(Number));
    expect(gateValues.length).toBeGreaterThan(9);
    for (const v of gateValues) expect(v > 0 && v < 1).toBe(true);
    expect(await page.getByTestId('gate-sequence').textContent()).toMatch(/^Noisy sine, sequence 1 \(the project has no dataset, so a generated one\)/);
    expect(await page.getByTestId('gate-map-target').count()).toBe(1);
    const before = await page.getByTestId('gate-table').locator('tbody').textContent();
    await page.getByTestId('gate-next').click();
    await expect.poll(() => page.getByTestId('gate-sequence').textContent()).toContain('sequence 2');
    expect(await page.getByTestId('gate-table').locator('tbody').textContent()).not.toBe(before);
    // A weight edit in the inspector redraws the gates: b_r of unit 1 pushed to 6 opens rem for that unit.
    await typeNumber(page.getByTestId('bias-b_r-1'), '6');
    await expect
      .poll(async () => Number(await page.getByTestId('gate-table').locator('tbody tr').first().locator('td').first().textContent()))
      .toBeGreaterThan(0.99);
    await screenshot(page, 'lstm-04-gates-lstm');

    // Its heatmaps by the seed's names, and the value under the pointer.
    const map = page.getByTestId('map-U_s');
    await map.scrollIntoViewIfNeeded();
    await map.locator('canvas').hover({ position: { x: 3, y: 3 } });
    await expect.poll(() => map.locator('.nl-param-map-read').textContent()).toMatch(/^unit 1, from unit 1: -?\d/);
    await map.locator('canvas').click({ position: { x: 3, y: 3 } });
    await page.getByTestId('param-U_s-field').waitFor();
    await screenshot(page, 'lstm-05-inspector-heatmaps');

    // The gradient against k: this network reads one number, so both curves are fresh cells of its size.
    await page.getByTestId('tab-gradientVsK').click();
    const { rows, status } = await waitForGradients(page);
    expect(rows.length).toBe(10);
    for (const r of rows) {
      expect(r).toHaveLength(3);
      expect(Number(r[1])).toBeGreaterThan(0);
      expect(Number(r[2])).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-testid="gradient-k-view"] .recharts-line').count()).toBe(2);
    expect(await page.getByTestId('gradient-k-view').textContent()).toMatch(/reads 1 input and gives 1 sigmoid output, not one-hot symbols: both curves are fresh cells of its size d = 6/);
    console.log(`gradient-vs-k, d = 6, fresh cells: ${status}`);
    await screenshot(page, 'lstm-06-gradient-vs-k');
    expect(errors).toEqual([]);
  });

  it('opens the lesson “The LSTM cell” with the gate view and the gradient view', async () => {
    const { page, errors } = await openApp();
    await page.getByTestId('tool-lessons').click();
    await page.getByTestId('lesson-lstm-cell').click();
    await page.getByTestId('lesson-panel').waitFor();
    await expect.poll(() => page.getByTestId('lesson-panel').locator('h2').textContent()).toMatch(/The LSTM cell/);
    await expect.poll(() => page.locator('.react-flow__node-recurrentNode').count()).toBe(1);
    const tabs: (string | null)[] = [];
    for (const t of await page.locator('[role="tab"]').all()) tabs.push(await t.getAttribute('data-testid'));
    expect(tabs).toEqual(expect.arrayContaining(['tab-gates', 'tab-gradientVsK', 'tab-training']));

    await page.getByTestId('tab-gates').click();
    await page.getByTestId('gate-view').waitFor();
    expect(await page.getByTestId('gate-sequence').textContent()).toMatch(/Delayed recall, k = 10, 8 symbols, sequence 1 of the 2000 in the project’s training set/);
    expect(await page.getByTestId('gate-answer').textContent()).toMatch(/step 11: target [A-H], the network says [A-H]/);
    await screenshot(page, 'lstm-07-lesson-gates');

    await page.getByTestId('tab-gradientVsK').click();
    const { rows, status } = await waitForGradients(page);
    // The network on the canvas reads symbols: its own curve (16 units, rem bias 3) beside a fresh plain layer.
    expect(await page.getByTestId('gradient-k-legend').textContent()).toMatch(/this LSTM layer \(its weights now\).*plain recurrent, 16 units/);
    const at = (k: number, col: number): number => Number(rows.find((r) => r[0] === String(k))?.[col]);
    // The plain layer's gradient at k = 64 is orders of magnitude below the LSTM's.
    expect(at(64, 2)).toBeLessThan(at(64, 1) / 100);
    console.log(`gradient-vs-k, lesson (d = 16): ${status}; k=1: ${at(1, 1)} vs ${at(1, 2)}, k=64: ${at(64, 1)} vs ${at(64, 2)}`);
    await screenshot(page, 'lstm-08-lesson-gradient');

    // An edit of the LSTM's weights measures its curve again; the fresh plain layer's is kept.
    await page.getByTestId('gradient-k-status').waitFor();
    await select(page, 'lstm');
    const ur = page.getByTestId('map-U_r');
    await ur.scrollIntoViewIfNeeded();
    await ur.locator('canvas').click({ position: { x: 2, y: 2 } });
    await typeNumber(page.getByTestId('param-U_r-field'), '-3');
    await expect.poll(() => page.getByTestId('gradient-k-status').getAttribute('data-state')).not.toBe('done');
    const again = await waitForGradients(page);
    expect(again.rows.map((r) => r[2])).toEqual(rows.map((r) => r[2]));
    expect(again.rows.map((r) => r[1])).not.toEqual(rows.map((r) => r[1]));

    // The lesson's cell control rebuilds it as a plain layer; the views follow.
    await page.getByTestId('tab-gates').click();
    await page.getByTestId('lesson-panel').locator('select').first().selectOption('rnn');
    await expect.poll(() => page.getByTestId('gate-view').getAttribute('data-cell')).toBe('rnn');
    expect(errors).toEqual([]);
  });

  it('trains the LSTM lesson from the Train tab to at least 95% on delayed recall, and the gate view shows the trained cell', async () => {
    const { page, errors } = await openApp();
    await page.getByTestId('tool-lessons').click();
    await page.getByTestId('lesson-lstm-cell').click();
    await page.getByTestId('lesson-panel').waitFor();
    await page.getByTestId('side-training').click();
    // The sequence set is chosen, previewed as symbols, and checked against the network before training.
    expect(await page.getByTestId('dataset-select').inputValue()).toBe('delayed-recall');
    await expect.poll(() => page.getByTestId('fit-check').textContent()).toMatch(/^Fits the network/);
    expect(await page.getByTestId('dataset-shape').textContent()).toMatch(/2,000 training and 500 test sequences · 8 features per step → 8 outputs \(one per symbol\) after the last step/);
    expect(await page.getByTestId('sequence-delay').inputValue()).toBe('10');
    expect(await page.getByTestId('sequence-preview-symbols').locator('li').count()).toBe(3);
    expect(await page.getByTestId('sequence-preview-symbols').locator('li').first().textContent()).toMatch(/^([A-H] ){10}[A-H] → [A-H]$/);
    expect(await page.getByTestId('hp-clip').isVisible()).toBe(true);
    await screenshot(page, 'lstm-10-train-panel');

    await page.getByTestId('cmd-train').click();
    const accuracy = page.getByTestId('training-status');
    // The last epoch's test accuracy, as the run list reports it.
    const best = async (): Promise<number> => {
      const text = (await page.getByTestId('run-1').textContent()) ?? '';
      const m = /accuracy ([\d.]+)\s*%/.exec(text);
      return m ? Number(m[1]) / 100 : 0;
    };
    await expect.poll(best, { timeout: 180_000, interval: 500 }).toBeGreaterThanOrEqual(0.95);
    await page.getByTestId('cmd-stop').click();
    await expect.poll(() => accuracy.getAttribute('data-status'), { timeout: 10_000 }).toMatch(/stopped|done/);
    console.log(`LSTM lesson in the browser: ${(await page.getByTestId('run-1').textContent())?.replace(/\s+/g, ' ')} | ${(await accuracy.textContent())?.replace(/\s+/g, ' ')}`);
    await screenshot(page, 'lstm-11-trained');

    // The trained weights are on the canvas: the gate view answers its sequences right.
    await page.getByTestId('tab-gates').click();
    await page.getByTestId('gate-view').waitFor();
    let right = 0;
    for (let i = 0; i < 5; i++) {
      const m = /target ([A-H]), the network says ([A-H])/.exec((await page.getByTestId('gate-answer').textContent()) ?? '');
      if (m && m[1] === m[2]) right++;
      await page.getByRole('button', { name: /next sequence/i }).click();
    }
    expect(right).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'lstm-12-trained-gates');
    expect(errors).toEqual([]);
  });

  it('reads in the dark theme', async () => {
    const { page, errors } = await openApp({ colorScheme: 'dark' });
    await page.getByTestId('tool-lessons').click();
    await page.getByTestId('lesson-lstm-cell').click();
    await page.getByTestId('lesson-panel').waitFor();
    await select(page, 'lstm');
    await page.getByTestId('tab-gates').click();
    await page.getByTestId('gate-view').waitFor();
    await screenshot(page, 'lstm-09-dark');
    expect(errors).toEqual([]);
  });
});
