/**
 * The part of loading a dataset choice every host does the same way: the
 * generated sequence sets and sequence CSV uploads need nothing but the
 * engine. Each host adds what only it can reach (the digits, files by path).
 */
import type { DatasetChoice } from '../project';
import type { SequenceSplit } from './loaded';
import { isSequenceSetName, loadBuiltinSequence } from './sequence-sets';
import { loadUploadedSequences } from './uploaded';

/** The sequences a choice names (a generated sequence set, a sequence CSV upload), or null for any other choice. */
export function loadSequenceChoice(choice: DatasetChoice, seed: number): SequenceSplit | null {
  if (choice.source === 'builtin' && isSequenceSetName(choice.name)) return { kind: 'sequences', ...loadBuiltinSequence(choice.name, choice.sequence, seed) };
  if (choice.source === 'upload' && choice.kind === 'sequence-csv') return loadUploadedSequences(choice);
  return null;
}
