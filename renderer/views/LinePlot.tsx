/**
 * A line plot: axes, ticks and grid in SVG, the lines themselves on a
 * canvas (dozens of curves of hundreds of points redraw in a millisecond or
 * two, where as SVG paths the browser would lay out and rasterise them again
 * on every frame of a slider drag). Pressing or dragging on the plot reports
 * the x under the pointer.
 */
import { memo, useEffect, useRef, type PointerEvent } from 'react';
import { fmt } from '../app/format';
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

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const px = (x: number): number => ((x - x0) / (x1 - x0)) * w;
    // Values far outside are clamped just beyond the edge, so a step to 10^4 is a vertical line, not an overflow.
    const py = (y: number): number => Math.max(-h, Math.min(2 * h, h - ((y - y0) / (y1 - y0)) * h));
    ctx.lineJoin = 'round';
    for (const s of series) {
      ctx.strokeStyle = resolveColour(el, s.colour);
      ctx.lineWidth = s.width ?? 2;
      ctx.globalAlpha = s.opacity ?? 1;
      ctx.setLineDash(s.dash ? s.dash.split(/\s+/).map(Number) : []);
      ctx.beginPath();
      let pen = false;
      for (let i = 0; i < s.xs.length; i++) {
        const y = s.ys[i];
        if (!Number.isFinite(y)) {
          pen = false;
          continue;
        }
        if (pen) ctx.lineTo(px(s.xs[i]), py(y));
        else ctx.moveTo(px(s.xs[i]), py(y));
        pen = true;
      }
      ctx.stroke();
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
