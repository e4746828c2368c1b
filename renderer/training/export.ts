/**
 * Export of any view as PNG and of metrics as CSV. A chart is drawn onto one
 * canvas from the SVGs (Recharts) and canvases (heatmaps, digits) inside its
 * frame, at their places, under the frame's title and above a legend drawn
 * from the series (Recharts draws its legend in HTML, which no canvas sees).
 */
export interface LegendItem {
  name: string;
  color: string;
  dashed?: boolean;
}

export type ExportFile = (suggestedName: string, data: Uint8Array | string, kind: 'png' | 'csv') => Promise<unknown>;

const SCALE = 2;
const FONT = '14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  // Text takes its font from the page's CSS, which an image does not see.
  const style = getComputedStyle(svg);
  clone.setAttribute('font-family', style.fontFamily);
  clone.setAttribute('font-size', style.fontSize);
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

/** The frame's charts as PNG bytes. */
export async function frameToPng(frame: HTMLElement, title: string, legend: readonly LegendItem[] = []): Promise<Uint8Array> {
  const body = frame.querySelector<HTMLElement>('[data-export-body]') ?? frame;
  const origin = body.getBoundingClientRect();
  const titleHeight = 36;
  const legendHeight = legend.length > 0 ? 28 * Math.ceil(legend.length / 3) + 8 : 0;
  const width = Math.max(320, Math.ceil(origin.width));
  const height = Math.ceil(origin.height) + titleHeight + legendHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas to draw the chart on');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  ctx.font = `600 18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 12, titleHeight / 2);

  // Recharts' legend icons are small SVGs of their own, with the text in HTML: the legend is drawn below instead.
  const parts = [...body.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg.recharts-surface, canvas[data-export]')].filter(
    (p) => !p.closest('.recharts-legend-wrapper'),
  );
  ctx.font = FONT;
  ctx.fillStyle = '#333333';
  for (const el of body.querySelectorAll<HTMLElement>('[data-export-text]')) {
    const r = el.getBoundingClientRect();
    ctx.fillText(el.textContent ?? '', r.left - origin.left, r.top - origin.top + titleHeight + r.height / 2);
  }
  for (const part of parts) {
    const r = part.getBoundingClientRect();
    const x = r.left - origin.left;
    const y = r.top - origin.top + titleHeight;
    if (part instanceof HTMLCanvasElement) ctx.drawImage(part, x, y, r.width, r.height);
    else ctx.drawImage(await svgImage(part), x, y, r.width, r.height);
  }

  ctx.font = FONT;
  legend.forEach((item, i) => {
    const col = i % 3;
    const row = Math.floor(i / 3);
    const x = 12 + (col * (width - 24)) / 3;
    const y = titleHeight + origin.height + 18 + row * 28;
    ctx.strokeStyle = item.color;
    ctx.lineWidth = 3;
    ctx.setLineDash(item.dashed ? [6, 4] : []);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 28, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#111111';
    ctx.fillText(item.name, x + 36, y);
  });

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be encoded as PNG');
  return new Uint8Array(await blob.arrayBuffer());
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

/** "Training cost" -> "training-cost". */
export function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
}
