/**
 * The recurrent network of a document as a sequence model, compiled once per
 * document object (an edit makes a new one), so the gate view, the
 * gradient view and the inspector share one compile per edit.
 */
import type { NetworkDocument } from '../../../engine/document';
import { compileSequence, isRecurrentNetwork, type SequencePlan } from '../../../engine/recurrent/network';

export type SequencePlanResult = { plan: SequencePlan; error: null } | { plan: null; error: string };

const cache = new WeakMap<NetworkDocument, SequencePlanResult>();

/** Null when the document has no recurrent node; else the plan, or why it cannot be made (what to connect). */
export function sequencePlan(doc: NetworkDocument): SequencePlanResult | null {
  if (!isRecurrentNetwork(doc)) return null;
  let c = cache.get(doc);
  if (!c) {
    try {
      c = { plan: compileSequence(doc), error: null };
    } catch (e) {
      c = { plan: null, error: (e as Error).message };
    }
    cache.set(doc, c);
  }
  return c;
}
