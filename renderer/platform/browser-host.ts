/**
 * The browser Host: file pickers and downloads instead of dialogs and paths,
 * localStorage for crash recovery, a Web Worker for training. There is no
 * native menu, so commands come from the app's own toolbar and shortcuts.
 */
import type { Host, OpenedFile, RecoveredDocument, SavedFile, TrainerConnection } from './host';
import { connectWorkerTrainer } from './worker-connection';

const RECOVERY_PREFIX = 'neuroloom.recovery.';

/** Asks for one file; null when the user cancels the picker. */
function pickFile(accept: string): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    let settled = false;
    const done = (value: OpenedFile | null, error?: Error): void => {
      if (settled) return;
      settled = true;
      input.remove();
      if (error) reject(error);
      else resolve(value);
    };
    input.addEventListener('cancel', () => done(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return done(null);
      file.text().then(
        (text) => done({ name: file.name, path: null, text }),
        (e: unknown) => done(null, new Error(`${file.name}: could not be read (${(e as Error).message})`)),
      );
    });
    document.body.append(input);
    input.click();
  });
}

function download(name: string, data: Uint8Array | string, type: string): SavedFile {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is only needed for that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, path: null };
}

function ensureExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

export function createBrowserHost(): Host {
  const session = `${Date.now().toString(36)}-${Math.floor(performance.now() * 1000).toString(36)}`;
  const ownKey = `${RECOVERY_PREFIX}${session}`;
  // A session that closes normally leaves nothing to recover.
  window.addEventListener('pagehide', () => {
    try {
      localStorage.removeItem(ownKey);
    } catch {
      /* storage may be disabled */
    }
  });

  return {
    kind: 'browser',
    openProject: () => pickFile('.json,application/json'),
    openRecent: async () => null,
    recentFiles: async () => [],
    async saveProject(text, target) {
      // A browser cannot ask where: it downloads under the suggested name every time.
      const name = ensureExtension(target?.name ?? 'Untitled.neuroloom.json', '.json');
      return download(name, text, 'application/json');
    },
    importNetwork2: () => pickFile('.json,application/json'),
    async exportNetwork2(text, suggestedName) {
      return download(ensureExtension(suggestedName, '.json'), text, 'application/json');
    },
    async exportFile(suggestedName, data, kind) {
      return download(ensureExtension(suggestedName, `.${kind}`), data, kind === 'png' ? 'image/png' : 'text/csv');
    },
    setDocumentState(name, dirty) {
      document.title = `${dirty ? '● ' : ''}${name} – Neuroloom`;
    },
    async autosave(text) {
      try {
        const doc: RecoveredDocument = { id: session, name: document.title.replace(/^● /, '').replace(/ – Neuroloom$/, ''), savedAt: new Date().toISOString(), text };
        localStorage.setItem(ownKey, JSON.stringify(doc));
      } catch {
        // Full or disabled storage: recovery is a convenience, not a promise.
      }
    },
    async recoverable() {
      const found: RecoveredDocument[] = [];
      try {
        for (let i = 0; i < localStorage.length; i++) {
          const key = localStorage.key(i);
          if (!key || !key.startsWith(RECOVERY_PREFIX) || key === ownKey) continue;
          const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<RecoveredDocument> | null;
          if (raw && typeof raw.text === 'string' && typeof raw.name === 'string' && typeof raw.savedAt === 'string') {
            found.push({ id: key.slice(RECOVERY_PREFIX.length), name: raw.name, savedAt: raw.savedAt, text: raw.text });
          }
        }
      } catch {
        return [];
      }
      return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    async discardRecovery(id) {
      try {
        localStorage.removeItem(`${RECOVERY_PREFIX}${id}`);
      } catch {
        /* nothing to do */
      }
    },
    onCommand: () => () => {},
    // The training panel's worker connection (worker-connection.ts) owns the worker's life cycle.
    connectTrainer: (): TrainerConnection => connectWorkerTrainer(),
  };
}
