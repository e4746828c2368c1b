/**
 * Keeps the probe result in step with the document and the chosen input.
 * It runs inside the store update that caused it, so React renders the new
 * document and the new activations together, in the same frame.
 */
import type { NetworkDocument } from '../../engine/document';
import { runProbe, sameComputation, type ProbeInputs } from '../graph/probe';
import type { DocumentStore } from './document-store';
import type { RuntimeStore } from './runtime-store';

export function linkProbe(docs: DocumentStore, runtime: RuntimeStore): () => void {
  let doc: NetworkDocument = docs.getState().doc;
  let inputs: ProbeInputs = runtime.getState().probeInputs;
  runtime.getState().setProbe(runProbe(doc, inputs));
  const unDocs = docs.subscribe((s) => {
    if (s.doc === doc) return;
    const same = sameComputation(doc, s.doc);
    doc = s.doc;
    if (!same) runtime.getState().setProbe(runProbe(doc, inputs, runtime.getState().probe));
  });
  const unRuntime = runtime.subscribe((s) => {
    if (s.probeInputs === inputs) return;
    inputs = s.probeInputs;
    runtime.getState().setProbe(runProbe(doc, inputs, s.probe));
  });
  return () => {
    unDocs();
    unRuntime();
  };
}
