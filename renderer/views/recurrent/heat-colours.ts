/**
 * Colours of the recurrent heatmaps: the gates (0 shut, 1 open) on viridis,
 * signed values (weights, memory) on the blue/orange scale of the edges.
 */
import { divergingRgb, viridis } from '../../app/colours';

export function isDarkTheme(): boolean {
  const theme = document.documentElement.dataset.theme;
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export type HeatScale = 'sequential' | 'signed';

/** RGB of v on [lo, hi]: viridis for a sequential scale, signed around 0 for a signed one (hi = the largest |v| shown). */
export function heatRgb(v: number, lo: number, hi: number, scale: HeatScale, dark: boolean): [number, number, number] {
  if (scale === 'sequential') return viridis((v - lo) / (hi - lo || 1));
  return divergingRgb(v / (Math.max(Math.abs(lo), Math.abs(hi)) || 1), dark);
}

/** Paints rows x cols values (row-major, NaN left transparent) one pixel each onto a canvas of that size. */
export function paintMatrix(canvas: HTMLCanvasElement, rows: number, cols: number, value: (i: number, j: number) => number, lo: number, hi: number, scale: HeatScale): void {
  const ctx = canvas.getContext('2d');
  if (!ctx || rows === 0 || cols === 0) return;
  const dark = isDarkTheme();
  const img = ctx.createImageData(cols, rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = value(i, j);
      const o = 4 * (i * cols + j);
      if (!Number.isFinite(v)) continue;
      const [r, g, b] = heatRgb(v, lo, hi, scale, dark);
      img.data[o] = r;
      img.data[o + 1] = g;
      img.data[o + 2] = b;
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
}
