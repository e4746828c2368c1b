// Renders icon.svg (our own drawing) to the PNGs electron-builder uses, with
// Debian's Chromium through playwright-core: node assets/icon-render.mjs
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { URL } from 'node:url';
const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
mkdirSync(new URL('./icons/', import.meta.url), { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`)}</body></html>`);
  const buf = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  if (size <= 512) writeFileSync(new URL(`./icons/${size}x${size}.png`, import.meta.url), buf);
  if (size === 1024) writeFileSync(new URL('./icon.png', import.meta.url), buf);
  if (size === 256) writeFileSync(new URL('./icon-256.png', import.meta.url), buf);
}
await browser.close();
