/** Layers the user expanded into neurons, remembered in the project's view so they can be collapsed back. */
import { collapseNeurons } from '../graph/expand';
import type { DocumentStore } from '../store/document-store';
import type { RuntimeStore } from '../store/runtime-store';
import { readViewState, type ExpandedGroup } from '../store/view-state';

export type Group = [layerId: string, group: ExpandedGroup];

/** The expanded layer a neuron came from, if any. */
export function groupOf(meta: { view: Readonly<Record<string, unknown>> }, id: string): Group | null {
  const groups = readViewState(meta.view).groups ?? {};
  for (const [layerId, g] of Object.entries(groups)) if (g.neurons.includes(id)) return [layerId, g];
  return null;
}

/** The expanded layer whose neurons are exactly these. */
export function groupWithExactly(view: Readonly<Record<string, unknown>>, ids: readonly string[]): Group | null {
  if (ids.length < 2) return null;
  const first = groupOf({ view }, ids[0]);
  if (!first || first[1].neurons.length !== ids.length) return null;
  const set = new Set(ids);
  return first[1].neurons.every((n) => set.has(n)) ? first : null;
}

/** Gathers an expanded layer's neurons back into the layer, under its old id and label. */
export function collapseGroup(docs: DocumentStore, runtime: RuntimeStore, [layerId, g]: Group): void {
  const r = docs.getState().edit('Collapse into layer', ({ doc, meta }) => {
    const out = collapseNeurons(doc, g.neurons, { id: layerId, label: g.label });
    const groups = { ...(readViewState(meta.view).groups ?? {}) };
    delete groups[layerId];
    return { snapshot: { doc: out.doc, meta: { ...meta, view: { ...meta.view, groups } } }, select: { nodes: new Set([out.layerId]), edges: new Set() } };
  });
  if (!r.ok) runtime.getState().notify(r.reason, 'error');
}
