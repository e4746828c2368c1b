/**
 * Keeps the host told about the project: the window title with its unsaved
 * mark, an autosave for crash recovery a moment after each change, and a
 * warning before the page closes on unsaved work.
 */
import { useEffect, useState } from 'react';
import type { RecoveredDocument } from '../platform/host';
import { useHost } from '../platform/host-context';
import { useDocStore } from '../store/context';
import { isDirty, type DocumentState } from '../store/document-store';
import { useTrainingStore } from '../training/context';
import { trackTrainingSettings } from '../training/track-settings';
import { emptyDocument } from '../graph/templates';
import { projectText, readProjectFile } from './files';
import { settingsOfProject, withTrainingSettings } from './training-link';

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
    let told = '';
    // Told only when the name or the unsaved mark changes, not on every step of a drag.
    const update = (): void => {
      const s = docs.getState();
      const dirty = isDirty(s);
      if (told === `${dirty}|${s.meta.name}`) return;
      told = `${dirty}|${s.meta.name}`;
      host.setDocumentState(s.meta.name, dirty);
    };
    // The training settings are part of the project: their changes mark it unsaved too.
    const untrack = trackTrainingSettings(training, docs, settingsOfProject);
    update();
    const unsubscribe = docs.subscribe((s, prev) => {
      if (s.doc === prev.doc && s.meta === prev.meta && s.saved === prev.saved && s.settingsKey === prev.settingsKey && s.savedSettingsKey === prev.savedSettingsKey) return;
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
      untrack();
      unsubscribe();
      if (timer) clearTimeout(timer);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [docs, training, host]);

  return {
    recovered,
    dismiss(id) {
      const entry = recovered.find((d) => d.id === id);
      if (entry && justRecovered(docs.getState(), entry)) {
        // Recovered work is still unsaved: it keeps the unsaved mark, the warning on close and its autosave.
        docs.setState({ saved: { doc: emptyDocument(), meta: docs.getState().meta } });
      }
      void host.discardRecovery(id);
      setRecovered((list) => list.filter((d) => d.id !== id));
    },
  };
}

/** True when the open project is the recovered one, just opened from it and not saved to any file. */
function justRecovered(s: Pick<DocumentState, 'doc' | 'meta' | 'file' | 'past'>, entry: RecoveredDocument): boolean {
  if (s.file !== null || s.past.length > 0) return false;
  try {
    const { project } = readProjectFile({ name: `${entry.name}.json`, path: null, text: entry.text });
    return project.name === s.meta.name && JSON.stringify(project.network) === JSON.stringify(s.doc);
  } catch {
    return false;
  }
}
