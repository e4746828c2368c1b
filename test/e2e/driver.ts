/** What a user does with the app, as small steps for the end-to-end tests. */
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { SCREEN_DIR } from './harness';

export type Kind = 'input' | 'neuron' | 'layer' | 'output';

export function canvas(page: Page): Locator {
  return page.locator('#nl-canvas');
}

export function node(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Drags a palette item onto the canvas at (x, y) pixels from the canvas's top left corner. */
export async function dropFromPalette(page: Page, kind: Kind, x: number, y: number): Promise<void> {
  await page.getByTestId(`palette-${kind}`).dragTo(canvas(page), { targetPosition: { x, y } });
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on the source handle of one node, drags to the target handle of another and lets go. */
export async function dragConnection(page: Page, from: string, to: string, release = true): Promise<void> {
  const a = await centre(node(page, from).locator('.react-flow__handle.source'));
  const b = await centre(node(page, to).locator('.react-flow__handle.target'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  if (release) await page.mouse.up();
}

/** A node's position on the canvas in document units, read from React Flow's transform of it. */
export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const transform = (await node(page, id).evaluate((el) => (el as unknown as { style: { transform: string } }).style.transform)) as string;
  const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`node ${id} has no position transform: "${transform}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** The canvas's zoom factor. */
export async function zoom(page: Page): Promise<number> {
  const transform = (await page.locator('.react-flow__viewport').evaluate((el) => (el as unknown as { style: { transform: string } }).style.transform)) as string;
  const m = /scale\(([\d.]+)\)/.exec(transform);
  return m ? Number(m[1]) : 1;
}

/** Presses on a node and drags it by (dx, dy) screen pixels, in small steps as a hand does. */
export async function dragNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = await node(page, id).locator('.nl-node-label').first().boundingBox();
  if (!box) throw new Error(`node ${id} is not visible`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

/** Turns a View menu toggle on or off, through the menu, and says what it shows afterwards. */
export async function setViewToggle(page: Page, id: string, on: boolean): Promise<void> {
  await page.getByTestId('menu-view').click();
  const item = page.getByTestId(`menuitem-${id}`);
  if ((await item.getAttribute('aria-checked')) === String(on)) {
    await page.keyboard.press('Escape');
    return;
  }
  await item.click();
}

export async function nodeValue(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(`value-${id}`).textContent())?.trim() ?? '';
}

export async function select(page: Page, id: string): Promise<void> {
  await node(page, id).click();
  await page.getByTestId('inspector-title').waitFor();
}

/** Clicks an empty spot of the canvas: clears the selection and leaves the text fields. */
export async function clickPane(page: Page): Promise<void> {
  const box = await canvas(page).boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.click(box.x + 12, box.y + 12);
}

/** Types into an exact number field and presses Enter, as a user does. */
export async function typeNumber(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREEN_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
