/**
 * End to end in Debian's Chromium on the browser build: what a student or a
 * teacher does with the canvas, step by step, with screenshots of the main
 * screens saved under test-results/screens.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clickPane, dragConnection, dragNode, dropFromPalette, MOD, node, nodePosition, nodeValue, screenshot, select, setViewToggle, typeNumber, zoom } from './driver';
import { SCREEN_DIR, startHarness, type Harness } from './harness';

let harness: Harness;
const pages: Page[] = [];

beforeAll(async () => {
  harness = await startHarness({ build: !inject('e2eBuilt') });
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

async function openApp(options?: { colorScheme?: 'light' | 'dark' }): Promise<Page> {
  const { page } = await harness.open(options);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
  pages.push(page);
  return page;
}

function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Keeps a download under the name the app suggested, as a browser would save it. */
async function keep(download: Download): Promise<string> {
  const dir = join(SCREEN_DIR, '..', 'downloads');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Two Inputs, a Neuron and an Output dropped from the palette and wired x1, x2 -> n1 -> Output. */
async function buildSmallNetwork(page: Page): Promise<void> {
  await dropFromPalette(page, 'input', 120, 110);
  await dropFromPalette(page, 'input', 120, 270);
  await dropFromPalette(page, 'neuron', 420, 190);
  await dropFromPalette(page, 'output', 720, 190);
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
  await dragConnection(page, 'input-1', 'neuron-1');
  await dragConnection(page, 'input-2', 'neuron-1');
  await dragConnection(page, 'neuron-1', 'output-1');
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
}

/** The function view's accessible table: output at x = lo, ..., hi. */
async function functionTable(page: Page): Promise<{ x: number; y: number }[]> {
  const rows = await page.getByTestId('function-table').locator('tbody tr').all();
  const out: { x: number; y: number }[] = [];
  for (const r of rows) {
    const x = Number(await r.locator('th').textContent());
    const y = Number(await r.locator('td').first().textContent());
    out.push({ x, y });
  }
  return out;
}

describe('the canvas in the browser build', () => {
  it('builds a network from the palette, sets a weight in the inspector, and undoes and redoes it', async () => {
    const page = await openApp();
    await screenshot(page, '01-empty');
    await buildSmallNetwork(page);
    // Both inputs default to 0.5 and both new weights to 1: a = σ(0.5 + 0.5 + 0).
    expect(await nodeValue(page, 'neuron-1')).toBe(sigmoid(1).toFixed(3));
    expect(await nodeValue(page, 'output-1')).toBe(sigmoid(1).toFixed(4));

    await select(page, 'neuron-1');
    await typeNumber(page.getByTestId('weight-input-1->neuron-1-field'), '3');
    await expect.poll(() => nodeValue(page, 'neuron-1')).toBe(sigmoid(2).toFixed(3));
    await screenshot(page, '02-built-and-edited');

    await clickPane(page);
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => nodeValue(page, 'neuron-1')).toBe(sigmoid(1).toFixed(3));
    await page.keyboard.press(`${MOD}+Shift+z`);
    await expect.poll(() => nodeValue(page, 'neuron-1')).toBe(sigmoid(2).toFixed(3));
    await page.keyboard.press(`${MOD}+z`);
    await page.keyboard.press(`${MOD}+y`);
    await expect.poll(() => nodeValue(page, 'neuron-1')).toBe(sigmoid(2).toFixed(3));

    // The probe input changes every activation too.
    await typeNumber(page.getByTestId('probe-input-2-field'), '-1');
    await expect.poll(() => nodeValue(page, 'neuron-1')).toBe(sigmoid(3 * 0.5 - 1).toFixed(3));
    expect(pageErrors(page)).toEqual([]);
  });

  it('copies and pastes a node, duplicates it, and deletes with the keyboard', async () => {
    const page = await openApp();
    await buildSmallNetwork(page);
    await select(page, 'neuron-1');
    await page.keyboard.press(`${MOD}+c`);
    await page.keyboard.press(`${MOD}+v`);
    await expect.poll(() => page.locator('.react-flow__node-neuronNode').count()).toBe(2);
    // The copy is selected and shows in the inspector, as a neuron of its own.
    await expect.poll(() => page.getByTestId('inspector-title').textContent()).toBe('n1');
    expect(await node(page, 'neuron-2').getAttribute('class')).toContain('selected');
    await page.keyboard.press(`${MOD}+d`);
    await expect.poll(() => page.locator('.react-flow__node-neuronNode').count()).toBe(3);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node-neuronNode').count()).toBe(2);
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => page.locator('.react-flow__node-neuronNode').count()).toBe(3);
    await screenshot(page, '03-copy-paste');
  });

  it('refuses a connection that would make a cycle and says why', async () => {
    const page = await openApp();
    await dropFromPalette(page, 'input', 100, 200);
    await dropFromPalette(page, 'neuron', 360, 120);
    await dropFromPalette(page, 'neuron', 640, 260);
    await dragConnection(page, 'input-1', 'neuron-1');
    await dragConnection(page, 'neuron-1', 'neuron-2');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await dragConnection(page, 'neuron-2', 'neuron-1', false);
    const reason = page.locator('.nl-connection-reason');
    await expect.poll(() => reason.textContent()).toMatch(/cycle/);
    await screenshot(page, '04-cycle-refused-while-dragging');
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('toast-error').first().textContent()).toMatch(/That would make a cycle: “n1” → “n2” already/);
    expect(await page.locator('.react-flow__edge').count()).toBe(2);
    await screenshot(page, '05-cycle-refused-message');
  });

  it('refuses to move a weight matrix onto a node whose shape does not fit, and says why', async () => {
    const page = await openApp();
    await dropFromPalette(page, 'input', 100, 200);
    await dropFromPalette(page, 'layer', 420, 110);
    await dropFromPalette(page, 'neuron', 420, 330);
    await dragConnection(page, 'input-1', 'layer-1');
    await expect.poll(() => page.getByTestId('matrix-input-1->layer-1').textContent()).toMatch(/^3×1/);
    // Drag the edge's target end from the 3-unit layer to the single neuron.
    const end = page.locator('.react-flow__edge[data-id="input-1->layer-1"] .react-flow__edgeupdater-target');
    const from = await end.boundingBox();
    const to = await node(page, 'neuron-1').locator('.react-flow__handle.target').boundingBox();
    if (!from || !to) throw new Error('edge end or handle not found');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await expect.poll(() => page.locator('.nl-connection-reason').textContent()).toMatch(/Shapes do not match: this edge carries 3×1 weights, but “x1” → “n1” needs 1×1/);
    await screenshot(page, '04b-shape-refused-while-dragging');
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('toast-error').first().textContent()).toMatch(/Shapes do not match/);
    expect(await page.locator('.react-flow__edge[data-id="input-1->layer-1"]').count()).toBe(1);
  });

  it('builds the bump of figure 4.2 by hand and the function view shows the bump', async () => {
    const page = await openApp();
    await dropFromPalette(page, 'input', 80, 200);
    await dropFromPalette(page, 'neuron', 300, 90);
    await dropFromPalette(page, 'neuron', 300, 310);
    await dropFromPalette(page, 'neuron', 530, 200);
    await dropFromPalette(page, 'output', 750, 200);
    await dragConnection(page, 'input-1', 'neuron-1');
    await dragConnection(page, 'input-1', 'neuron-2');
    await dragConnection(page, 'neuron-1', 'neuron-3');
    await dragConnection(page, 'neuron-2', 'neuron-3');
    await dragConnection(page, 'neuron-3', 'output-1');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(5);

    // Each hidden neuron by its step point s and steepness w, as in chapter 4.
    for (const [id, s] of [['neuron-1', '0.4'], ['neuron-2', '0.6']] as const) {
      await select(page, id);
      await typeNumber(page.getByTestId('step-s-field'), s);
      await typeNumber(page.getByTestId('step-w-field'), '1000');
    }
    await select(page, 'neuron-1');
    await expect.poll(() => page.getByTestId('bump-editor').count()).toBe(1);
    expect(await page.getByTestId('bump-indicator').isChecked()).toBe(true);
    await typeNumber(page.getByTestId('bump-h-field'), '1000');
    await select(page, 'neuron-3');
    await expect.poll(() => page.getByTestId('bias-field').inputValue()).toBe('-500');

    await page.getByTestId('tab-function').click();
    const table = await functionTable(page);
    const at = (x: number): number => table.find((p) => Math.abs(p.x - x) < 1e-9)?.y ?? Number.NaN;
    expect(at(0.5)).toBeGreaterThan(0.99);
    for (const x of [0, 0.1, 0.2, 0.3, 0.7, 0.8, 0.9, 1]) expect(at(x)).toBeLessThan(0.01);
    await screenshot(page, '06-bump-by-hand');
    expect(pageErrors(page)).toEqual([]);
  });

  it('opens the tower lesson and shows the tower in the surface view', async () => {
    const page = await openApp();
    await page.getByTestId('tool-lessons').click();
    await screenshot(page, '07-lesson-gallery');
    await page.getByTestId('lesson-tower').click();
    await page.getByTestId('surface-view').waitFor();
    await expect.poll(() => page.getByTestId('lesson-panel').locator('h2').textContent()).toBe('A tower in two dimensions');
    const range = (await page.getByTestId('surface-range').textContent()) ?? '';
    const [lo, hi] = (range.match(/-?[\d.e-]+/g) ?? []).map(Number);
    expect(lo).toBeLessThan(0.01);
    expect(hi).toBeGreaterThan(0.99);
    // The probe at the box's centre (1.5, -1) is inside the tower.
    await expect.poll(async () => Number(await nodeValue(page, 'output'))).toBeGreaterThan(0.99);
    await screenshot(page, '08-tower-lesson');

    // A lesson control rebuilds the network: move the left edge and the step neuron follows.
    await typeNumber(page.getByTestId('lesson-x1-field'), '0.5');
    await expect.poll(() => node(page, 'up1').textContent()).toContain('x step at 0.5');
    expect(pageErrors(page)).toEqual([]);
  });

  it('saves a project, opens it again and gets the same network', async () => {
    const page = await openApp();
    await page.getByTestId('tool-lessons').click();
    await page.getByTestId('lesson-step-neuron').click();
    await select(page, 'step');
    await typeNumber(page.getByTestId('bias-field'), '-123.5');

    const [first] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tool-save').click()]);
    const firstPath = await keep(first);
    expect(firstPath).toMatch(/A sigmoid neuron as a step\.neuroloom\.json$/);
    const firstText = readFileSync(firstPath, 'utf8');
    const saved = JSON.parse(firstText) as { format: string; network: { nodes: { id: string; bias?: number }[] } };
    expect(saved.format).toBe('neuroloom-project');
    expect(saved.network.nodes.find((n) => n.id === 'step')?.bias).toBe(-123.5);
    await expect.poll(() => page.locator('.nl-title-state').textContent()).toBe('saved');

    await page.getByTestId('menu-file').click();
    await page.getByTestId('menuitem-new').click();
    await page.getByTestId('template-blank').click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press(`${MOD}+o`)]);
    await chooser.setFiles(firstPath);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(saved.network.nodes.length);
    await screenshot(page, '09-reopened');

    const [second] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tool-save').click()]);
    const again = JSON.parse(readFileSync(await second.path(), 'utf8')) as typeof saved;
    expect(again.network).toEqual(saved.network);
    expect(again).toEqual(saved);
  });

  it('draws 784 inputs as one 28x28 image, exports and re-imports network2.py JSON, and opens the weight image', async () => {
    const page = await openApp();
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menuitem-new').click();
    await page.getByTestId('template-digits').click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    expect(await page.locator('.react-flow__node-inputNode canvas').count()).toBe(1);
    await expect.poll(() => page.getByTestId('matrix-input->hidden-1').textContent()).toMatch(/^30×784/);

    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByTestId('menu-file').click();
        await page.getByTestId('menuitem-exportNetwork2').click();
      })(),
    ]);
    const net2Path = await keep(exported);
    expect(net2Path).toMatch(/Digits 784-30-10\.network2\.json$/);
    const net2 = JSON.parse(readFileSync(net2Path, 'utf8')) as { sizes: number[]; cost: string };
    expect(net2.sizes).toEqual([784, 30, 10]);
    expect(net2.cost).toBe('CrossEntropyCost');

    await page.getByTestId('matrix-input->hidden-1').click();
    await page.getByTestId('weight-image').waitFor();
    await screenshot(page, '10-weight-image-784');
    await page.keyboard.press('Escape');

    await page.getByTestId('menu-file').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('menuitem-importNetwork2').click()]);
    await chooser.setFiles(net2Path);
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe('Digits 784-30-10.network2');
    expect(await page.locator('.react-flow__node').count()).toBe(4);
    await screenshot(page, '11-digits-imported');
  });

  it('reaches palette items and commands from the keyboard, in the dark theme', async () => {
    const page = await openApp({ colorScheme: 'dark' });
    await page.getByTestId('palette-input').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node-inputNode').count()).toBe(1);
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.locator('.react-flow__node-neuronNode').count()).toBe(1);
    await page.keyboard.press(`${MOD}+k`);
    await page.getByRole('combobox', { name: 'Search commands' }).or(page.getByLabel('Search commands')).fill('add layer');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node-layerNode').count()).toBe(1);
    // Connect without a mouse: the inspector's Connect row.
    await select(page, 'input-1');
    await page.getByTestId('connect-other').selectOption('neuron-1');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await screenshot(page, '12-dark-keyboard');
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
  });

  it('edits a shift-click multi-selection in one step, and expands a layer into neurons and back', async () => {
    const page = await openApp();
    await dropFromPalette(page, 'input', 100, 200);
    await dropFromPalette(page, 'neuron', 360, 110);
    await dropFromPalette(page, 'neuron', 360, 300);
    await node(page, 'neuron-1').click();
    await node(page, 'neuron-2').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('inspector-title').textContent()).toBe('2 nodes, 0 connections');
    await page.getByLabel('Activation (all)').selectOption('tanh');
    await expect.poll(() => node(page, 'neuron-2').textContent()).toContain('tanh');
    expect(await node(page, 'neuron-1').textContent()).toContain('tanh');
    await clickPane(page);
    await page.keyboard.press(`${MOD}+z`);
    // One undo restores both: the multi-selection edit was one step.
    await expect.poll(() => page.locator('.react-flow__node-neuronNode .nl-unit', { hasText: 'σ' }).count()).toBe(2);

    await dropFromPalette(page, 'layer', 620, 200);
    await dragConnection(page, 'input-1', 'layer-1');
    await select(page, 'layer-1');
    await page.getByTestId('expand').click();
    await expect.poll(() => page.locator('.react-flow__node-neuronNode').count()).toBe(5);
    expect(await page.locator('.react-flow__node-layerNode').count()).toBe(0);
    // The new neurons are selected, and the selection offers to collapse them back.
    await expect.poll(() => page.getByTestId('inspector-title').textContent()).toBe('3 nodes, 0 connections');
    await screenshot(page, '13-layer-expanded');
    await clickPane(page);
    await select(page, 'layer-1.u2');
    await page.getByTestId('collapse').click();
    await expect.poll(() => page.locator('.react-flow__node-layerNode').count()).toBe(1);
    expect(await page.locator('.react-flow__node-neuronNode').count()).toBe(2);
    expect(pageErrors(page)).toEqual([]);
  });

  it('selects nodes with a Shift-drawn box, moves them together in one undo step and deletes them', async () => {
    const page = await openApp();
    await dropFromPalette(page, 'neuron', 300, 130);
    await dropFromPalette(page, 'neuron', 300, 300);
    await dropFromPalette(page, 'neuron', 700, 220);
    await expect.poll(() => page.locator('.react-flow__node-neuronNode').count()).toBe(3);
    const a = await node(page, 'neuron-1').boundingBox();
    const b = await node(page, 'neuron-2').boundingBox();
    const c = await node(page, 'neuron-3').boundingBox();
    if (!a || !b || !c) throw new Error('nodes not on screen');
    // Canvas.tsx: selectionKeyCode "Shift". The box starts on empty canvas and ends short of the third node.
    const from = { x: Math.min(a.x, b.x) - 40, y: a.y - 30 };
    const to = { x: Math.max(a.x + a.width, b.x + b.width) + 40, y: b.y + b.height + 30 };
    expect(to.x).toBeLessThan(c.x);
    await page.keyboard.down('Shift');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await expect.poll(() => page.locator('.react-flow__selection').count()).toBe(1);
    await screenshot(page, '15-box-selecting');
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => page.getByTestId('inspector-title').textContent()).toBe('2 nodes, 0 connections');
    expect(await node(page, 'neuron-1').getAttribute('class')).toContain('selected');
    expect(await node(page, 'neuron-2').getAttribute('class')).toContain('selected');
    expect(await node(page, 'neuron-3').getAttribute('class')).not.toContain('selected');

    // Dragging one selected node carries the other along, by the same amount.
    const before = await Promise.all(['neuron-1', 'neuron-2', 'neuron-3'].map((id) => nodePosition(page, id)));
    await dragNode(page, 'neuron-1', 120, 60);
    const after = await Promise.all(['neuron-1', 'neuron-2', 'neuron-3'].map((id) => nodePosition(page, id)));
    const k = await zoom(page);
    const d1 = { x: after[0].x - before[0].x, y: after[0].y - before[0].y };
    expect(d1.x).toBeGreaterThan(120 / k - 20);
    expect(d1.y).toBeGreaterThan(60 / k - 20);
    expect(after[1]).toEqual({ x: before[1].x + d1.x, y: before[1].y + d1.y });
    expect(after[2]).toEqual(before[2]);
    await screenshot(page, '16-box-selection-moved');
    // The whole drag is one step: one undo puts both back.
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => nodePosition(page, 'neuron-1')).toEqual(before[0]);
    expect(await nodePosition(page, 'neuron-2')).toEqual(before[1]);

    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node-neuronNode').count()).toBe(1);
    expect(await node(page, 'neuron-3').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('snaps a dragged node to the 20-pixel grid when snapping is turned on in the View menu', async () => {
    const page = await openApp();
    await dropFromPalette(page, 'neuron', 333, 217);
    await expect.poll(() => page.locator('.react-flow__node-neuronNode').count()).toBe(1);
    expect(await zoom(page)).toBe(1);
    await setViewToggle(page, 'snap', false);
    const p0 = await nodePosition(page, 'neuron-1');
    await dragNode(page, 'neuron-1', 53, 29);
    // Without snapping the node follows the pointer (React Flow starts the drag after the first small step).
    const p1 = await nodePosition(page, 'neuron-1');
    expect(Math.abs(p1.x - (p0.x + 53))).toBeLessThanOrEqual(6);
    expect(Math.abs(p1.y - (p0.y + 29))).toBeLessThanOrEqual(6);
    expect(p1.x % 20 !== 0 || p1.y % 20 !== 0).toBe(true);

    await setViewToggle(page, 'snap', true);
    await page.getByTestId('menu-view').click();
    expect(await page.getByTestId('menuitem-snap').getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');
    await dragNode(page, 'neuron-1', 47, 31);
    const p2 = await nodePosition(page, 'neuron-1');
    expect(Math.abs(p2.x % 20)).toBe(0);
    expect(Math.abs(p2.y % 20)).toBe(0);
    expect(Math.abs(p2.x - (p1.x + 47))).toBeLessThanOrEqual(16);
    expect(Math.abs(p2.y - (p1.y + 31))).toBeLessThanOrEqual(16);
    // What the canvas shows is the document: the saved file has the snapped position.
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tool-save').click()]);
    const project = JSON.parse(readFileSync(await keep(saved), 'utf8')) as { network: { nodes: { id: string; position: { x: number; y: number } }[] } };
    expect(project.network.nodes.find((n) => n.id === 'neuron-1')?.position).toEqual(p2);
    await screenshot(page, '17-snapped-to-grid');
    expect(pageErrors(page)).toEqual([]);
  });

  it('offers the unsaved work again after the page crashes, and restores it', async () => {
    const { context, page } = await harness.open();
    await dropFromPalette(page, 'input', 120, 200);
    await dropFromPalette(page, 'neuron', 420, 200);
    await dragConnection(page, 'input-1', 'neuron-1');
    await select(page, 'neuron-1');
    await typeNumber(page.getByTestId('weight-input-1->neuron-1-field'), '3');
    await typeNumber(page.getByTestId('bias-field'), '-0.25');
    await expect.poll(() => nodeValue(page, 'neuron-1')).toBe(sigmoid(3 * 0.5 - 0.25).toFixed(3));
    // The autosave lands a moment after the last edit.
    await expect
      .poll(() => page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('neuroloom.recovery.')).length"), { timeout: 10_000 })
      .toBe(1);
    const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
    const cdp = await context.newCDPSession(page);
    // Page.crash kills the renderer: no pagehide, no beforeunload, as when the browser or the machine dies.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;

    const again = await context.newPage();
    const errors: string[] = [];
    again.on('pageerror', (e) => errors.push(String(e)));
    await again.goto(harness.baseUrl);
    const banner = again.getByRole('region', { name: 'Recovered work' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/closed unexpectedly while “Untitled” had unsaved changes/);
    expect(await again.locator('.react-flow__node').count()).toBe(0);
    await screenshot(again, '18-recovery-offered');
    await banner.getByRole('button', { name: 'Recover it' }).click();
    await expect.poll(() => again.locator('.react-flow__node').count()).toBe(2);
    expect(await again.locator('.react-flow__edge').count()).toBe(1);
    await expect.poll(() => nodeValue(again, 'neuron-1')).toBe(sigmoid(3 * 0.5 - 0.25).toFixed(3));
    expect(await banner.count()).toBe(0);
    // Still unsaved work: marked so, and autosaved again for the next crash.
    await expect.poll(() => again.locator('.nl-title-state').textContent()).toBe('unsaved changes');
    expect(await again.evaluate('document.title')).toMatch(/^● Untitled/);
    await expect
      .poll(() => again.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('neuroloom.recovery.')).length"), { timeout: 10_000 })
      .toBe(1);
    await screenshot(again, '19-recovered');
    // A page closed normally leaves nothing to recover: the next one offers nothing.
    await again.close();
    const third = await context.newPage();
    await third.goto(harness.baseUrl);
    await third.getByRole('button', { name: /^Add Input/ }).waitFor();
    expect(await third.getByRole('region', { name: 'Recovered work' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens every lesson of the gallery with its explanation and a network on the canvas', async () => {
    const page = await openApp();
    await page.getByTestId('tool-lessons').click();
    const ids: string[] = [];
    for (const card of await page.locator('.nl-card[data-testid^="lesson-"]').all()) ids.push(((await card.getAttribute('data-testid')) ?? '').slice('lesson-'.length));
    expect(ids.length).toBeGreaterThanOrEqual(17);
    await page.keyboard.press('Escape');
    for (const id of ids) {
      await page.getByTestId('tool-lessons').click();
      await page.getByTestId(`lesson-${id}`).click();
      await page.getByTestId('lesson-panel').waitFor();
      await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(1);
      expect(await page.locator('.nl-lesson-text p').count()).toBeGreaterThan(0);
      if (['approximate-f', 'bitwise-output', 'softmax-temperature', 'digits'].includes(id)) await screenshot(page, `14-lesson-${id}`);
    }
    expect(pageErrors(page)).toEqual([]);
  });
});
