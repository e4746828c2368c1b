/**
 * The edges handed to React Flow. A single weight's value and width are not
 * part of them: each scalar edge reads its own from the document store. So
 * dragging a weight slider leaves React Flow's edge list as it was, and
 * React Flow does not rebuild its edge and connection lookups and rerun
 * every edge's and node's selectors on every step of the drag (on a graph
 * of thousands of edges that alone would cost a frame).
 */
import type { Edge } from '@xyflow/react';
import type { NetworkDocument } from '../../engine/document';
import type { BindingFlowEdge, FlowEdge, MatrixFlowEdge } from '../graph/flow-types';
import { scalarWeightScales } from '../graph/mapping';

/** A single weight as React Flow sees it: where it goes and whether it is frozen; its value is read live. */
export type LiveScalarEdge = Edge<{ frozen: boolean }, 'scalarEdge'>;
export type CanvasEdge = LiveScalarEdge | MatrixFlowEdge | BindingFlowEdge;

export class LiveEdges {
  private cache = new Map<string, LiveScalarEdge>();
  private last: CanvasEdge[] = [];

  /** The mapper's edges with scalar ones replaced by objects that stay the same while only weights change. */
  of(mapped: readonly FlowEdge[]): CanvasEdge[] {
    const next = new Map<string, LiveScalarEdge>();
    let same = mapped.length === this.last.length;
    const out = mapped.map((e, i): CanvasEdge => {
      let live: CanvasEdge = e as MatrixFlowEdge | BindingFlowEdge;
      if (e.type === 'scalarEdge') {
        const frozen = e.data?.edge.frozen ?? false;
        const old = this.cache.get(e.id);
        const scalar: LiveScalarEdge =
          old && old.source === e.source && old.target === e.target && old.selected === e.selected && old.data?.frozen === frozen
            ? old
            : { id: e.id, source: e.source, target: e.target, selected: e.selected, type: 'scalarEdge', data: { frozen } };
        next.set(e.id, scalar);
        live = scalar;
      }
      if (same && this.last[i] !== live) same = false;
      return live;
    });
    this.cache = next;
    if (same) return this.last;
    this.last = out;
    return out;
  }
}

export interface ScalarView {
  weight: number;
  /** |w| over the largest |w| into the same node. */
  relative: number;
}

const views = new WeakMap<NetworkDocument['edges'], Map<string, ScalarView>>();

/** Every single weight's value and relative size, computed once per edge list and shared by all edges. */
export function scalarViews(doc: NetworkDocument): Map<string, ScalarView> {
  let m = views.get(doc.edges);
  if (!m) {
    const scales = scalarWeightScales(doc);
    m = new Map();
    for (const e of doc.edges) {
      const w = e.weights;
      if (!w || w.length !== 1 || w[0].length !== 1) continue;
      const scale = scales.get(e.target) ?? 0;
      m.set(e.id, { weight: w[0][0], relative: scale > 0 ? Math.abs(w[0][0]) / scale : 0 });
    }
    views.set(doc.edges, m);
  }
  return m;
}
