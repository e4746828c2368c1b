/**
 * Handing the connections between the overview picture and React Flow as
 * the view zooms: React Flow gets them (or gives them up) a slice per
 * animation frame while the picture is on screen, and the picture goes only
 * once all are mounted. Mounting or unmounting a thousand edges at once
 * (long ones cross the view even when few nodes are in it) made the frame
 * that crossed the threshold last a tenth of a second or more.
 */
import { useEffect, useRef, useState } from 'react';
import type { CanvasEdge } from './live-edges';

/** Edges given to (or taken from) React Flow per frame. */
export const HANDOVER_CHUNK = 400;
const NONE: CanvasEdge[] = [];

type Handover = { to: 'flow' | 'overview'; limit: number } | null;

export function useEdgeHandover(overview: boolean, edges: CanvasEdge[]): { edges: CanvasEdge[]; overview: boolean } {
  const [handover, setHandover] = useState<Handover>(null);
  const [was, setWas] = useState(overview);
  // How many edges React Flow has had on screen for a frame: only those are taken back gradually (a new document's
  // first render, before React Flow knows its nodes, hands it every edge for no frame at all).
  const shown = useRef(0);
  if (was !== overview) {
    setWas(overview);
    const first = overview ? Math.min(shown.current, edges.length) - HANDOVER_CHUNK : HANDOVER_CHUNK;
    setHandover(first > 0 && first < edges.length ? { to: overview ? 'overview' : 'flow', limit: first } : null);
  }
  useEffect(() => {
    if (!handover) return;
    const frame = requestAnimationFrame(() => {
      const limit = handover.limit + (handover.to === 'flow' ? HANDOVER_CHUNK : -HANDOVER_CHUNK);
      setHandover(limit > 0 && limit < edges.length ? { ...handover, limit } : null);
    });
    return () => cancelAnimationFrame(frame);
  }, [handover, edges.length]);
  const out = handover ? { edges: edges.slice(0, handover.limit), overview: true } : overview ? { edges: NONE, overview: true } : { edges, overview: false };
  const count = out.edges.length;
  useEffect(() => {
    const frame = requestAnimationFrame(() => (shown.current = count));
    return () => cancelAnimationFrame(frame);
  }, [count]);
  return out;
}
