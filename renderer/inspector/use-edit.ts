/** An edit from the inspector: applied through the document store, its refusal shown as a message. */
import { useCallback } from 'react';
import type { NetworkDocument } from '../../engine/document';
import { useDocStore, useRuntimeStore } from '../store/context';
import type { EditOptions } from '../store/document-store';

export type DocEdit = (label: string, fn: (doc: NetworkDocument) => NetworkDocument, options?: EditOptions) => boolean;

export function useEdit(): DocEdit {
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  return useCallback(
    (label, fn, options) => {
      const r = docs.getState().edit(label, ({ doc }) => fn(doc), options);
      if (!r.ok) runtime.getState().notify(r.reason, 'error');
      return r.ok;
    },
    [docs, runtime],
  );
}

/** A coalesce key for a drag, or none for a typed value. */
export function coalesce(what: string, gesture: string | null): EditOptions {
  return gesture ? { coalesce: `${what}:${gesture}` } : {};
}
