/**
 * Keeps the host told about the project: the window title with its unsaved
 * mark, an autosave for crash recovery a moment after each change, and a
 * warning before the page closes on unsaved work.
 */
import { useEffect, useState } from 'react';
import type { RecoveredDocument } from '../platform/host';
import { useHost } from '../platform/host-context';
import { useDocStore } from '../store/context';
import { isDirty } from '../store/document-store';
import { useTrainingStore } from '../training';
import { projectText } from './files';
import { withTrainingSettings } from './training-link';

const AUTOSAVE_DELAY_MS = 1500;

export function usePersistence(): { recovered: RecoveredDocument[]; dismiss(id: string): void } {
  const host = useHost();
  const docs = useDocStore();
  const training = useTrainingStore();
  const [recovered, setRecovered] = useState<RecoveredDocument[]>([]);

  useEffect(() => {
    let cancelled = false;
    void host.recoverable().then((list) => {
      if (!cancelled) setRecovered(list);
    });
    return () => {
      cancelled = true;
    };
  }, [host]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = (): void => {
      const s = docs.getState();
      host.setDocumentState(s.meta.name, isDirty(s));
    };
    update();
    const unsubscribe = docs.subscribe((s, prev) => {
      if (s.doc === prev.doc && s.meta === prev.meta && s.saved === prev.saved) return;
      update();
      if (timer) clearTimeout(timer);
      if (!isDirty(s)) return;
      timer = setTimeout(() => {
        try {
          void host.autosave(projectText(withTrainingSettings(docs.getState(), training.getState().settings)));
        } catch {
          // A project that cannot be serialised (a non-finite weight) is not autosaved; saving says why.
        }
      }, AUTOSAVE_DELAY_MS);
    });
    const beforeUnload = (e: BeforeUnloadEvent): void => {
      if (isDirty(docs.getState())) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [docs, training, host]);

  return {
    recovered,
    dismiss(id) {
      void host.discardRecovery(id);
      setRecovered((list) => list.filter((d) => d.id !== id));
    },
  };
}
