/**
 * Export of any view as PNG and of metrics as CSV. A view is drawn onto one
 * canvas as it is on screen: its SVGs (Recharts, the line plots' axes: with
 * their computed styles written into them, since an SVG drawn as an image
 * sees no style sheet), its canvases (heatmaps, lines, digits), and its
 * HTML text, backgrounds and borders (legends, captions, bars) at their
 * places. Controls (buttons, fields, their labels) and what is only for
 * screen readers are left out. Colours are the theme's, so a view exported
 * in the dark theme is dark.
 */
import { isTransparent, linearGradient } from './css-paint';

export { fileStem } from './css-paint';

export interface LegendItem {
  name: string;
  color: string;
  dashed?: boolean;
}

export type ExportFile = (suggestedName: string, data: Uint8Array | string, kind: 'png' | 'csv') => Promise<unknown>;

const SCALE = 2;
const TITLE_HEIGHT = 36;
/** Room around the view in the picture. */
export const EXPORT_MARGIN = 12;
/** Not drawn: controls and their labels, what only screen readers read, and what a view marks so. */
const SKIP = 'button, input, select, textarea, label, .sr-only, [data-export-skip]';
/** The SVG properties a style sheet may set, written into the copy that is drawn. */
const SVG_STYLE = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
];

/** The colour the element is painted on: its own background or its nearest ancestor's. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (!isTransparent(c)) return c;
  }
  return '#ffffff';
}

function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const copy = copies[i] as SVGElement;
    copy.setAttribute('style', SVG_STYLE.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
  });
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as an image'));
    };
    img.src = url;
  });
}

interface Painter {
  ctx: CanvasRenderingContext2D;
  /** Page coordinates of the picture's top left corner. */
  x0: number;
  y0: number;
}

function drawBox(p: Painter, cs: CSSStyleDeclaration, r: DOMRect): void {
  const { ctx } = p;
  const x = r.left - p.x0;
  const y = r.top - p.y0;
  const radius = Math.min(parseFloat(cs.borderTopLeftRadius) || 0, r.width / 2, r.height / 2);
  const path = (): void => {
    ctx.beginPath();
    ctx.roundRect(x, y, r.width, r.height, radius);
  };
  if (!isTransparent(cs.backgroundColor)) {
    ctx.fillStyle = cs.backgroundColor;
    path();
    ctx.fill();
  }
  if (cs.backgroundImage.startsWith('linear-gradient')) {
    const g = linearGradient(ctx, cs.backgroundImage, x, y, r.width, r.height);
    if (g) {
      ctx.fillStyle = g;
      path();
      ctx.fill();
    }
  }
  const bw = parseFloat(cs.borderTopWidth) || 0;
  const uniform = cs.borderTopWidth === cs.borderRightWidth && cs.borderTopWidth === cs.borderBottomWidth && cs.borderTopWidth === cs.borderLeftWidth;
  if (bw > 0 && uniform && cs.borderTopStyle !== 'none' && !isTransparent(cs.borderTopColor)) {
    ctx.strokeStyle = cs.borderTopColor;
    ctx.lineWidth = bw;
    ctx.setLineDash(cs.borderTopStyle === 'dashed' ? [4 * bw, 3 * bw] : []);
    ctx.beginPath();
    ctx.roundRect(x + bw / 2, y + bw / 2, r.width - bw, r.height - bw, Math.max(0, radius - bw / 2));
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

/** Draws each word of a text node where the page lays it out (wrapped lines too). */
function drawText(p: Painter, node: Text, cs: CSSStyleDeclaration): void {
  const text = node.data;
  const range = document.createRange();
  const { ctx } = p;
  ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  ctx.fillStyle = cs.color;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const m of text.matchAll(/\S+/g)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    ctx.fillText(m[0], r.left - p.x0, r.top - p.y0 + r.height / 2);
  }
}

async function paint(p: Painter, el: Element, alpha: number): Promise<void> {
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      if ((child as Text).data.trim() === '') continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden') continue;
      p.ctx.globalAlpha = alpha;
      drawText(p, child as Text, cs);
      continue;
    }
    if (!(child instanceof Element) || child.matches(SKIP)) continue;
    const cs = getComputedStyle(child);
    if (cs.display === 'none') continue;
    const r = child.getBoundingClientRect();
    const a = alpha * (parseFloat(cs.opacity) || 0);
    if (a === 0 || (r.width <= 1 && r.height <= 1)) continue;
    const { ctx } = p;
    if (child instanceof SVGSVGElement) {
      if (cs.visibility === 'hidden' || r.width === 0 || r.height === 0) continue;
      const img = await svgImage(child);
      ctx.globalAlpha = a;
      ctx.drawImage(img, r.left - p.x0, r.top - p.y0, r.width, r.height);
    } else if (child instanceof HTMLCanvasElement || child instanceof HTMLImageElement) {
      if (cs.visibility === 'hidden' || r.width === 0 || r.height === 0 || child.width === 0 || child.height === 0) continue;
      ctx.globalAlpha = a;
      ctx.imageSmoothingEnabled = cs.imageRendering !== 'pixelated' && cs.imageRendering !== 'crisp-edges';
      ctx.drawImage(child, r.left - p.x0, r.top - p.y0, r.width, r.height);
    } else if (child instanceof HTMLElement) {
      if (cs.visibility !== 'hidden') {
        ctx.globalAlpha = a;
        drawBox(p, cs, r);
      }
      await paint(p, child, a);
    }
  }
}

/**
 * The element as PNG bytes, drawn at twice its size on screen with a margin,
 * on the colour it sits on; with a title above it when one is given.
 */
export async function elementToPng(root: HTMLElement, title?: string): Promise<Uint8Array> {
  const box = root.getBoundingClientRect();
  const m = EXPORT_MARGIN;
  const top = m + (title ? TITLE_HEIGHT : 0);
  const width = Math.ceil(box.width) + 2 * m;
  const height = Math.ceil(box.height) + top + m;
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas to draw the chart on');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = backgroundOf(root);
  ctx.fillRect(0, 0, width, height);
  const cs = getComputedStyle(root);
  if (title) {
    ctx.fillStyle = cs.color;
    ctx.font = `600 18px ${cs.fontFamily}`;
    ctx.textBaseline = 'middle';
    ctx.fillText(title, m, m + TITLE_HEIGHT / 2);
  }
  const p: Painter = { ctx, x0: box.left - m, y0: box.top - top };
  ctx.globalAlpha = parseFloat(cs.opacity) || 1;
  drawBox(p, cs, box);
  await paint(p, root, ctx.globalAlpha);
  ctx.globalAlpha = 1;
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be encoded as PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

/** Whether there is a chart to draw in the element: an SVG or a canvas of some size, or what a view marks as one. */
export function hasChart(root: ParentNode): boolean {
  for (const el of root.querySelectorAll('svg, canvas, [data-export-chart]')) {
    if (el.closest(SKIP)) continue;
    const r = el.getBoundingClientRect();
    // Legend swatches and icons are not charts.
    if (r.width >= 48 && r.height >= 48) return true;
  }
  return false;
}

/** Saves through a download link: the fallback when no Host export is given. */
export async function downloadFile(suggestedName: string, data: Uint8Array | string, kind: 'png' | 'csv'): Promise<void> {
  const type = kind === 'png' ? 'image/png' : 'text/csv;charset=utf-8';
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Each chart frame on screen, with what saves it as a PNG: the app's
 * "Export chart" command saves the one the user is looking at.
 */
const frameExports = new WeakMap<Element, () => Promise<unknown>>();

export function registerFrameExport(frame: Element, save: () => Promise<unknown>): () => void {
  frameExports.set(frame, save);
  return () => {
    if (frameExports.get(frame) === save) frameExports.delete(frame);
  };
}

/** Saves the first chart frame inside `within` as a PNG; false when it holds none. */
export async function exportFirstFrame(within: ParentNode): Promise<boolean> {
  for (const frame of within.querySelectorAll('[data-chart-frame]')) {
    const save = frameExports.get(frame);
    if (save) {
      await save();
      return true;
    }
  }
  return false;
}
