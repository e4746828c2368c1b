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

/**
 * The connections are drawn on a canvas, not as SVG: a bitmap is scaled by
 * the compositor while the view zooms, where thousands of curves would be
 * rasterised again on every frame. It is redrawn when the document changes
 * and when the zoom has doubled or halved since it was drawn.
 */
export const EdgeOverview = memo(function EdgeOverview({ doc, sizes, selected }: { doc: NetworkDocument; sizes: ReadonlyMap<string, Size>; selected: ReadonlySet<string> }) {
  const zoomLevel = useStore((st: ReactFlowState) => 2 ** Math.round(Math.log2(st.transform[2])));
  const ref = useRef<HTMLCanvasElement>(null);
  const geometry = useMemo(() => {
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

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !geometry) return;
    const style = getComputedStyle(canvas);
    const colour = (name: string): string => style.getPropertyValue(`--${name}`).trim() || '#888';
    const colours: Record<Bucket['colour'], string> = { pos: colour('pos'), neg: colour('neg'), matrix: colour('matrix'), binding: colour('muted'), accent: colour('accent') };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(resolution, 0, 0, resolution, -geometry.box.x * resolution, -geometry.box.y * resolution);
    ctx.lineCap = 'round';
    for (const b of geometry.buckets) {
      ctx.strokeStyle = colours[b.colour];
      ctx.globalAlpha = b.colour === 'matrix' ? 0.75 : 1;
      ctx.setLineDash(b.colour === 'binding' ? [5, 4] : []);
      ctx.lineWidth = b.width;
      ctx.stroke(new Path2D(b.d.join('')));
    }
  }, [geometry, resolution]);

  if (!geometry) return null;
  const { box } = geometry;
  return (
    <ViewportPortal>
      <canvas
        ref={ref}
        className="nl-edge-overview"
        aria-hidden="true"
        width={Math.max(1, Math.round(box.width * resolution))}
        height={Math.max(1, Math.round(box.height * resolution))}
        style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }}
      />
    </ViewportPortal>
  );
});
