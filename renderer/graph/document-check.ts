/**
 * Whether a document may stand as the canvas's network: what the document
 * store asks before it accepts an edit. A feed-forward network must compile;
 * a network with a recurrent node cannot (compile() runs one example through
 * dense blocks, and refuses sequences), so it must only be a valid document:
 * one still being wired (no readout yet, say) is fine to edit, as a half-wired
 * feed-forward network is.
 */
import { validateNetwork, type NetworkDocument } from '../../engine/document';
import { isRecurrentNetwork } from '../../engine/recurrent/network';
import { compiledAfter } from './probe';

const problems = new WeakMap<NetworkDocument, string | null>();

/** Why the document (made from `before` by an edit) cannot stand: a message naming the node or edge, or null. */
export function documentProblem(doc: NetworkDocument, before: NetworkDocument): string | null {
  if (!isRecurrentNetwork(doc)) return compiledAfter(before, doc).error;
  let problem = problems.get(doc);
  if (problem === undefined) {
    try {
      validateNetwork(doc);
      problem = null;
    } catch (e) {
      problem = (e as Error).message;
    }
    problems.set(doc, problem);
  }
  return problem;
}
