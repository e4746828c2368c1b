/**
 * Level of detail for big graphs. When more connections are on screen than
 * React Flow can draw one element each at a smooth frame rate, they are
 * drawn instead as a handful of SVG paths (one per colour and width) under
 * the nodes, and React Flow draws none. Zoom in until fewer are visible and
 * the ordinary, selectable edges come back.
 */
import { getBezierPath, Position, useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { NetworkDocument, NetworkNode } from '../../engine/document';
import type { Size } from '../graph/flow-types';
import { estimatedSize } from '../graph/layout';
import { scalarWeightScales } from '../graph/mapping';
import { scalarEdgeWidth } from './edges/ScalarEdge';

/** Above this many visible connections the overview takes over; below LEAVE it hands back. */
export const OVERVIEW_ENTER = 300;
export const OVERVIEW_LEAVE = 200;

/** Connections with at least one end inside the visible part of the canvas. */
export function visibleEdgeCount(s: Pick<ReactFlowState, 'transform' | 'width' | 'height' | 'nodeLookup'>, doc: NetworkDocument): number {
  const [tx, ty, k] = s.transform;
  const x0 = -tx / k;
  const y0 = -ty / k;
  const x1 = x0 + s.width / k;
  const y1 = y0 + s.height / k;
  const visible = new Set<string>();
  for (const [id, n] of s.nodeLookup) {
    const p = n.internals.positionAbsolute;
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    if (p.x + w >= x0 && p.x <= x1 && p.y + h >= y0 && p.y <= y1) visible.add(id);
  }
  let count = 0;
  for (const e of doc.edges) if (visible.has(e.source) || visible.has(e.target)) count++;
  return count;
}

/** Whether the overview should draw the connections now, with hysteresis so it does not flicker at the edge. */
export function useOverview(doc: NetworkDocument): boolean {
  const on = useRef(false);
  const selector = useCallback(
    (s: ReactFlowState): boolean => {
      if (doc.edges.length <= OVERVIEW_LEAVE) return (on.current = false);
      const n = visibleEdgeCount(s, doc);
      on.current = on.current ? n > OVERVIEW_LEAVE : n > OVERVIEW_ENTER;
      return on.current;
    },
    [doc],
  );
  return useStore(selector);
}

interface Bucket {
  d: string[];
  colour: 'pos' | 'neg' | 'matrix' | 'binding' | 'accent';
  width: number;
}

function handlePoint(node: NetworkNode, size: Size, side: 'in' | 'out'): { x: number; y: number } {
  return { x: node.position.x + (side === 'out' ? size.width : 0), y: node.position.y + size.height / 2 };
}

/** The largest canvas side we draw, and the sharpest scale: enough for an overview, cheap to raster. */
const MAX_SIDE = 4096;
const MAX_SCALE = 2;
const PAD = 120;
/** Time a redraw for a new zoom level may take from one frame before it waits for the next. */
const SLICE_MS = 6;
/** The scale of the first, coarse picture when the overview takes over. */
const QUICK_SCALE = 0.25;
/** Paths stroked between two looks at the clock. */
const PATHS_PER_CHECK = 64;

type Geometry = { buckets: Bucket[]; box: { x: number; y: number; width: number; height: number } };
type Colours = Record<Bucket['colour'], string>;

function coloursOf(el: Element): Colours {
  const style = getComputedStyle(el);
  const colour = (name: string): string => style.getPropertyValue(`--${name}`).trim() || '#888';
  return { pos: colour('pos'), neg: colour('neg'), matrix: colour('matrix'), binding: colour('muted'), accent: colour('accent') };
}

function sizeOf(geometry: Geometry, resolution: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(geometry.box.width * resolution)), height: Math.max(1, Math.round(geometry.box.height * resolution)) };
}

function prepare(ctx: CanvasRenderingContext2D, geometry: Geometry, resolution: number): void {
  ctx.setTransform(resolution, 0, 0, resolution, -geometry.box.x * resolution, -geometry.box.y * resolution);
  ctx.lineCap = 'round';
}

function strokeBucket(ctx: CanvasRenderingContext2D, b: Bucket, colours: Colours, paths: string[]): void {
  ctx.strokeStyle = colours[b.colour];
  ctx.globalAlpha = b.colour === 'matrix' ? 0.75 : 1;
  ctx.setLineDash(b.colour === 'binding' ? [5, 4] : []);
  ctx.lineWidth = b.width;
  ctx.stroke(new Path2D(paths.join('')));
}

/**
 * Draws the geometry a slice at a time, one slice per animation frame, into
 * a canvas that is not on screen; calls `done` with it when complete.
 * Returns a function that abandons the drawing.
 */
function drawInSlices(geometry: Geometry, resolution: number, colours: Colours, done: (canvas: HTMLCanvasElement) => void): () => void {
  const canvas = document.createElement('canvas');
  Object.assign(canvas, sizeOf(geometry, resolution));
  // A canvas the page reads from draws each stroke when asked to, not all of them when it is first shown.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return () => undefined;
  prepare(ctx, geometry, resolution);
  let bucket = 0;
  let path = 0;
  let frame = 0;
  const step = (): void => {
    const end = performance.now() + SLICE_MS;
    while (bucket < geometry.buckets.length && performance.now() < end) {
      const b = geometry.buckets[bucket];
      const next = Math.min(b.d.length, path + PATHS_PER_CHECK);
      strokeBucket(ctx, b, colours, b.d.slice(path, next));
      // Reading a pixel makes the browser rasterise the strokes now, inside this slice's time.
      ctx.getImageData(0, 0, 1, 1);
      path = next;
      if (path >= b.d.length) {
        bucket++;
        path = 0;
      }
    }
    if (bucket < geometry.buckets.length) frame = requestAnimationFrame(step);
    else done(canvas);
  };
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}

/**
 * The connections are drawn on a canvas, not as SVG: a bitmap is scaled by
 * the compositor while the view zooms, where thousands of curves would be
 * rasterised again on every frame. It is redrawn at once when the document
 * changes. When the zoom has doubled or halved since it was drawn it is
 * redrawn sharper (or smaller) too, but in slices over a few frames while
 * the old picture stays scaled on screen, then swapped in: drawing thousands
 * of curves at the new size in one go made the frame that crossed the zoom
 * level last a tenth of a second or more.
 */
export const EdgeOverview = memo(function EdgeOverview({ doc, sizes, selected }: { doc: NetworkDocument; sizes: ReadonlyMap<string, Size>; selected: ReadonlySet<string> }) {
  const zoomLevel = useStore((st: ReactFlowState) => 2 ** Math.round(Math.log2(st.transform[2])));
  const ref = useRef<HTMLCanvasElement>(null);
  const shown = useRef<{ geometry: Geometry; resolution: number } | null>(null);
  const geometry = useMemo((): Geometry | null => {
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    const scales = scalarWeightScales(doc);
    const buckets = new Map<string, Bucket>();
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    const add = (key: string, colour: Bucket['colour'], width: number, d: string): void => {
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { d: [], colour, width }));
      b.d.push(d);
    };
    for (const e of doc.edges) {
      const s = byId.get(e.source);
      const t = byId.get(e.target);
      if (!s || !t) continue;
      const a = handlePoint(s, sizes.get(s.id) ?? estimatedSize(s), 'out');
      const b = handlePoint(t, sizes.get(t.id) ?? estimatedSize(t), 'in');
      x0 = Math.min(x0, a.x, b.x);
      y0 = Math.min(y0, a.y, b.y);
      x1 = Math.max(x1, a.x, b.x);
      y1 = Math.max(y1, a.y, b.y);
      const [d] = getBezierPath({ sourceX: a.x, sourceY: a.y, sourcePosition: Position.Right, targetX: b.x, targetY: b.y, targetPosition: Position.Left });
      if (selected.has(e.id)) add('selected', 'accent', 3, d);
      else if (!e.weights) add('binding', 'binding', 1.5, d);
      else if (e.weights.length === 1 && e.weights[0].length === 1) {
        const w = e.weights[0][0];
        // Widths rounded to half pixels keep the number of strokes small.
        const scale = scales.get(e.target) ?? 0;
        const width = Math.round(scalarEdgeWidth(scale > 0 ? Math.abs(w) / scale : 0) * 2) / 2;
        add(`${w >= 0 ? 'p' : 'n'}${width}`, w >= 0 ? 'pos' : 'neg', width, d);
      } else add('matrix', 'matrix', 5, d);
    }
    if (!Number.isFinite(x0)) return null;
    return { buckets: [...buckets.values()], box: { x: x0 - PAD, y: y0 - PAD, width: x1 - x0 + 2 * PAD, height: y1 - y0 + 2 * PAD } };
  }, [doc, sizes, selected]);

  const resolution = geometry
    ? Math.min(MAX_SCALE, zoomLevel * (window.devicePixelRatio || 1), MAX_SIDE / geometry.box.width, MAX_SIDE / geometry.box.height)
    : 1;

  // The canvas's size is set here, not by React: resizing clears it, and the old picture must stay until the new one is ready.
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !geometry) return;
    const colours = coloursOf(canvas);
    const show = (size: { width: number; height: number }): void => {
      Object.assign(canvas, size);
      Object.assign(canvas.style, { transform: `translate(${geometry.box.x}px, ${geometry.box.y}px)`, width: `${geometry.box.width}px`, height: `${geometry.box.height}px` });
      shown.current = { geometry, resolution };
    };
    if (shown.current?.geometry === geometry && shown.current.resolution !== resolution) {
      return drawInSlices(geometry, resolution, colours, (drawn) => {
        show({ width: drawn.width, height: drawn.height });
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.drawImage(drawn, 0, 0);
      });
    }
    if (shown.current?.geometry === geometry) return;
    // Taking over from React Flow's edges: a coarse picture at once, the sharp one a few frames later.
    const first = shown.current === null && resolution > QUICK_SCALE;
    const now = first ? QUICK_SCALE : resolution;
    show(sizeOf(geometry, now));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    prepare(ctx, geometry, now);
    for (const b of geometry.buckets) strokeBucket(ctx, b, colours, b.d);
    shown.current = { geometry, resolution: now };
    if (!first) return;
    return drawInSlices(geometry, resolution, colours, (drawn) => {
      show({ width: drawn.width, height: drawn.height });
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(drawn, 0, 0);
    });
  }, [geometry, resolution]);

  if (!geometry) return null;
  return (
    <ViewportPortal>
      <canvas ref={ref} className="nl-edge-overview" aria-hidden="true" />
    </ViewportPortal>
  );
});
