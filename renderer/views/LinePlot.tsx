/**
 * A line plot: axes, ticks and grid in SVG, the lines themselves on a
 * canvas (dozens of curves of hundreds of points redraw in a millisecond or
 * two, where as SVG paths the browser would lay out and rasterise them again
 * on every frame of a slider drag). Curves that do not change are kept as a
 * picture and only the changing ones are drawn again (plot-layers.ts).
 * Pressing or dragging on the plot reports the x under the pointer.
 */
import { memo, useEffect, useRef, type PointerEvent } from 'react';
import { fmt } from '../app/format';
import { planLayers, type LayerPlan } from './plot-layers';
import { ticks } from './ticks';

export interface PlotSeries {
  key: string;
  label: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** A CSS colour, or var(--name) of the theme. */
  colour: string;
  width?: number;
  dash?: string;
  opacity?: number;
}

export interface LinePlotProps {
  width: number;
  height: number;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  series: readonly PlotSeries[];
  xLabel: string;
  yLabel: string;
  title: string;
  markerX?: number | null;
  /** Called with the x under the pointer while it is pressed (click or drag). */
  onPickX?(x: number): void;
  testId?: string;
}

const M = { right: 14, top: 12, bottom: 40 };

/**
 * Theme colours by theme and name. Reading a computed style right after
 * React changed the page makes the browser restyle it there and then, once
 * per line drawn; the theme's colours only change with the theme.
 */
const themeColours = new Map<string, string>();

function resolveColour(el: Element, colour: string): string {
  const m = /^var\((--[\w-]+)\)$/.exec(colour);
  if (!m) return colour;
  const key = `${document.documentElement.dataset.theme ?? ''}|${m[1]}`;
  let c = themeColours.get(key);
  if (c === undefined) {
    c = getComputedStyle(el).getPropertyValue(m[1]).trim() || '#888';
    themeColours.set(key, c);
  }
  return c;
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The kept picture of the series that are not live (see plot-layers.ts). */
interface BaseLayer extends LayerPlan<PlotSeries> {
  canvas: OffscreenCanvas;
  ctx: OffscreenCanvasRenderingContext2D;
  /** The picture, taken from the canvas when drawn: copying a bitmap on each frame is cheaper than copying a canvas. */
  bitmap: ImageBitmap | null;
  /** The picture does not yet show `drawn`. */
  stale: boolean;
}

/** The kept picture for these series, null where there is no OffscreenCanvas (tests in jsdom). */
function baseLayer(old: BaseLayer | null, series: readonly PlotSeries[], geometry: string, pw: number, ph: number): BaseLayer | null {
  if (typeof OffscreenCanvas === 'undefined' || pw <= 0 || ph <= 0) return null;
  let layer = old;
  if (!layer || layer.canvas.width !== pw || layer.canvas.height !== ph) {
    const canvas = new OffscreenCanvas(pw, ph);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    old?.bitmap?.close();
    layer = { canvas, ctx, geometry: '', drawn: new Map(), live: new Set(), bitmap: null, stale: true };
  }
  const plan = planLayers(layer.stale ? null : layer, series, geometry, sameSeries);
  return plan === layer ? layer : { ...layer, ...plan, stale: true };
}

function sameSeries(a: PlotSeries, b: PlotSeries): boolean {
  return a.xs === b.xs && a.ys === b.ys && a.colour === b.colour && a.width === b.width && a.dash === b.dash && a.opacity === b.opacity;
}

export const LinePlot = memo(function LinePlot({ width, height, xDomain, yDomain, series, xLabel, yLabel, title, markerX, onPickX, testId }: LinePlotProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dragging = useRef(false);
  const yt = ticks(yDomain[0], yDomain[1], Math.max(2, Math.floor((height - M.top - M.bottom) / 40)));
  // Room on the left for the longest tick label and the rotated axis title.
  const left = 30 + 7.2 * Math.max(...yt.map((t) => fmt(t, 3).length));
  const w = Math.max(10, width - left - M.right);
  const h = Math.max(10, height - M.top - M.bottom);
  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;
  const sx = (x: number): number => left + ((x - x0) / (x1 - x0)) * w;
  const sy = (y: number): number => M.top + h - ((y - y0) / (y1 - y0)) * h;
  const xt = ticks(x0, x1, Math.max(2, Math.floor(w / 80)));
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;

  const cache = useRef<BaseLayer | null>(null);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const px = (x: number): number => ((x - x0) / (x1 - x0)) * w;
    // The mapping to pixels, inlined in the loop below that runs for every point of every curve drawn. Values
    // far outside are clamped just beyond the edge, so a step to 10^4 is a vertical line, not an overflow.
    const kx = w / (x1 - x0);
    const ky = h / (y1 - y0);
    const stroke = (c: Ctx2D, s: PlotSeries): void => {
      c.strokeStyle = resolveColour(el, s.colour);
      c.lineWidth = s.width ?? 2;
      c.globalAlpha = s.opacity ?? 1;
      c.setLineDash(s.dash ? s.dash.split(/\s+/).map(Number) : []);
      c.beginPath();
      let pen = false;
      for (let i = 0; i < s.xs.length; i++) {
        const y = s.ys[i];
        if (!Number.isFinite(y)) {
          pen = false;
          continue;
        }
        const X = (s.xs[i] - x0) * kx;
        const Y = Math.max(-h, Math.min(2 * h, h - (y - y0) * ky));
        if (pen) c.lineTo(X, Y);
        else c.moveTo(X, Y);
        pen = true;
      }
      c.stroke();
    };
    const begin = (c: Ctx2D): void => {
      c.setTransform(dpr, 0, 0, dpr, 0, 0);
      c.globalAlpha = 1;
      c.clearRect(0, 0, w, h);
      c.lineJoin = 'round';
    };
    const base = baseLayer(cache.current, series, `${w}|${h}|${x0}|${x1}|${y0}|${y1}|${dpr}|${document.documentElement.dataset.theme ?? ''}`, Math.round(w * dpr), Math.round(h * dpr));
    cache.current = base;
    begin(ctx);
    if (base) {
      if (base.stale) {
        begin(base.ctx);
        for (const s of series) if (!base.live.has(s.key)) stroke(base.ctx, s);
        base.bitmap?.close();
        base.bitmap = base.canvas.transferToImageBitmap();
        base.stale = false;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      if (base.bitmap) ctx.drawImage(base.bitmap, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      for (const s of series) if (base.live.has(s.key)) stroke(ctx, s);
    } else {
      for (const s of series) stroke(ctx, s);
    }
    ctx.globalAlpha = 1;
    if (markerX !== undefined && markerX !== null && markerX >= x0 && markerX <= x1) {
      ctx.strokeStyle = resolveColour(el, 'var(--text)');
      ctx.globalAlpha = 0.6;
      ctx.lineWidth = 1.2;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(px(markerX), 0);
      ctx.lineTo(px(markerX), h);
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
  }, [series, w, h, x0, x1, y0, y1, markerX, dpr]);

  const pick = (e: PointerEvent<HTMLCanvasElement>): void => {
    if (!onPickX) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x = x0 + ((e.clientX - r.left) / r.width) * (x1 - x0);
    onPickX(Math.max(x0, Math.min(x1, x)));
  };

  return (
    <div className="nl-plot-box" style={{ width, height }} data-testid={testId}>
      <svg width={width} height={height} className="nl-plot" role="img" aria-label={title}>
        <g className="nl-plot-grid">
          {xt.map((t) => (
            <line key={`x${t}`} x1={sx(t)} x2={sx(t)} y1={M.top} y2={M.top + h} />
          ))}
          {yt.map((t) => (
            <line key={`y${t}`} x1={left} x2={left + w} y1={sy(t)} y2={sy(t)} />
          ))}
        </g>
        {y0 < 0 && y1 > 0 && <line className="nl-plot-zero" x1={left} x2={left + w} y1={sy(0)} y2={sy(0)} />}
        <g className="nl-plot-axis" aria-hidden="true">
          {xt.map((t) => (
            <text key={`xl${t}`} x={sx(t)} y={M.top + h + 16} textAnchor="middle">
              {fmt(t, 3)}
            </text>
          ))}
          {yt.map((t) => (
            <text key={`yl${t}`} x={left - 6} y={sy(t) + 4} textAnchor="end">
              {fmt(t, 3)}
            </text>
          ))}
          <text x={left + w / 2} y={height - 4} textAnchor="middle" className="nl-plot-label">
            {xLabel}
          </text>
          <text x={12} y={M.top + h / 2} textAnchor="middle" className="nl-plot-label" transform={`rotate(-90 12 ${M.top + h / 2})`}>
            {yLabel}
          </text>
        </g>
        <rect x={left} y={M.top} width={w} height={h} className="nl-plot-frame" />
      </svg>
      <canvas
        ref={canvas}
        width={Math.round(w * dpr)}
        height={Math.round(h * dpr)}
        style={{ left, top: M.top, width: w, height: h, cursor: onPickX ? 'crosshair' : 'default' }}
        aria-hidden="true"
        data-series-count={series.length}
        onPointerDown={(e) => {
          if (!onPickX) return;
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          pick(e);
        }}
        onPointerMove={(e) => dragging.current && pick(e)}
        onPointerUp={() => {
          dragging.current = false;
        }}
      />
    </div>
  );
});
