/**
 * What each contract method does, once register.ts has checked the sender and
 * the payload. Dialogs, stores and the trainer come in as parameters.
 */
import { basename, extname } from 'node:path';
import { InputError } from '../../../engine/errors';
import { datasetChoiceSchema } from '../../../engine/project';
import type { OpenedFile, SavedFile } from '../../shared/contract';
import { writeFileAtomically } from '../files/atomic-write';
import { checkDocumentText, checkNetwork2ForExport, checkProjectForSave, openDocumentFile, openNetwork2File, PROJECT_EXTENSION } from '../files/documents';
import { describeFsError } from '../files/read-limited';
import type { RecentFiles } from '../files/recent';
import type { RecoveryStore } from '../files/recovery';
import type { WindowSession } from '../window/session';
import type { NoticeHandlers, RequestHandlers } from './register';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Native dialogs, attached to the session's window. */
export interface Dialogs {
  openFile(session: WindowSession, options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  saveFile(session: WindowSession, options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
}

export interface HandlerDeps {
  dialogs: Dialogs;
  recent: RecentFiles;
  recovery: RecoveryStore;
  /** The recent list changed: rebuild the menu, tell the OS. */
  recentChanged(path: string | null): void;
}

export const PROJECT_FILTERS: FileFilter[] = [
  { name: 'Neuroloom project', extensions: [PROJECT_EXTENSION, 'json'] },
  { name: 'All files', extensions: ['*'] },
];
const NETWORK2_FILTERS: FileFilter[] = [{ name: 'network2.py JSON', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }];
const DATA_FILTERS: FileFilter[] = [
  { name: 'Data (CSV, MNIST IDX)', extensions: ['csv', 'gz', 'idx3-ubyte', 'idx1-ubyte', 'ubyte'] },
  { name: 'All files', extensions: ['*'] },
];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function createRequestHandlers(deps: HandlerDeps): RequestHandlers<WindowSession> {
  const opened = async (session: WindowSession, path: string): Promise<OpenedFile> => {
    const file = await openDocumentFile(path);
    session.grantDocument(path);
    session.path = path;
    session.trainer.grant(dataPathsOf(file.text));
    await deps.recent.add(path);
    deps.recentChanged(path);
    return file;
  };

  const write = async (path: string, data: string | Uint8Array): Promise<void> => {
    try {
      await writeFileAtomically(path, data);
    } catch (e) {
      throw new InputError(`${basename(path)}: cannot be saved (${describeFsError(e)}); the file on disk is unchanged`);
    }
  };

  return {
    openProject: async (session) => {
      const path = await deps.dialogs.openFile(session, { title: 'Open project', filters: PROJECT_FILTERS });
      return path === null ? null : opened(session, path);
    },

    openRecent: async (session, path) => {
      if (!deps.recent.has(path)) throw new InputError(`${basename(path)} is not in the recent files list`);
      return opened(session, path);
    },

    recentFiles: () => deps.recent.list(),

    saveProject: async (session, text, target, saveAs) => {
      try {
        // Checked before any dialog: a document that cannot be saved is said so at once.
        checkProjectForSave(text, target?.name ?? session.name);
        let path = !saveAs && target?.path && session.mayWrite(target.path) ? target.path : null;
        if (path === null) {
          const suggested = target?.path ?? withExtension(target?.name ?? session.name, PROJECT_EXTENSION);
          path = await deps.dialogs.saveFile(session, { title: saveAs ? 'Save project as' : 'Save project', defaultPath: suggested, filters: PROJECT_FILTERS });
          if (path === null) {
            session.saveAbandoned();
            return null;
          }
          if (extname(path) === '') path = `${path}.${PROJECT_EXTENSION}`;
        }
        await write(path, text);
        session.grantDocument(path);
        session.path = path;
        await deps.recent.add(path);
        deps.recentChanged(path);
        return { name: basename(path), path } satisfies SavedFile;
      } catch (e) {
        session.saveAbandoned();
        throw e;
      }
    },

    importNetwork2: async (session) => {
      const path = await deps.dialogs.openFile(session, { title: 'Import network2.py JSON', filters: NETWORK2_FILTERS });
      return path === null ? null : openNetwork2File(path);
    },

    exportNetwork2: async (session, text, suggestedName) => {
      checkNetwork2ForExport(text, suggestedName);
      const path = await deps.dialogs.saveFile(session, { title: 'Export network2.py JSON', defaultPath: withExtension(suggestedName, 'json'), filters: NETWORK2_FILTERS });
      if (path === null) return null;
      await write(path, text);
      return { name: basename(path), path };
    },

    exportFile: async (session, suggestedName, data, kind) => {
      if (kind === 'png' && !(data instanceof Uint8Array && PNG_SIGNATURE.every((b, i) => data[i] === b))) {
        throw new InputError('cannot export the chart: the image is not a PNG');
      }
      if (kind === 'csv' && typeof data !== 'string') throw new InputError('cannot export the metrics: CSV must be text');
      const filters = [{ name: kind === 'png' ? 'PNG image' : 'CSV', extensions: [kind] }];
      const path = await deps.dialogs.saveFile(session, { title: kind === 'png' ? 'Export chart' : 'Export metrics', defaultPath: withExtension(suggestedName, kind), filters });
      if (path === null) return null;
      await write(path, data);
      return { name: basename(path), path };
    },

    chooseDataFile: async (session) => {
      const path = await deps.dialogs.openFile(session, { title: 'Choose a data file', filters: DATA_FILTERS });
      if (path !== null) session.trainer.grant([path]);
      return path;
    },

    autosave: async (session, text) => {
      checkDocumentText(text, session.name);
      await deps.recovery.save(session.slot, session.name, text);
      return null;
    },

    recoverable: () => deps.recovery.list(),

    discardRecovery: async (_session, id) => {
      await deps.recovery.discard(id);
      return null;
    },

    connectTrainer: (session) => session.trainer.connect(),
  };
}

export function createNoticeHandlers(deps: Pick<HandlerDeps, 'recovery'>): NoticeHandlers<WindowSession> {
  return {
    setDocumentState: (session, name, dirty) => {
      session.setDocumentState(name, dirty);
      // Saved: nothing left to recover should the app crash now.
      if (!dirty) void deps.recovery.clear(session.slot);
    },
  };
}

/** Only a base name, with the extension added if missing: a suggested name never picks the folder. */
export function withExtension(name: string, extension: string): string {
  // Characters Windows refuses in a file name, and control characters, become '_'.
  const clean = Array.from(basename(name.replace(/\\/g, '/')), (c) => (c < ' ' || '<>:"|?*'.includes(c) ? '_' : c)).join('');
  const base = clean || 'Untitled';
  return extname(base).toLowerCase() === `.${extension}` ? base : `${base}.${extension}`;
}

/** The data files a project names: the user opened it, so its training may read them. */
export function dataPathsOf(text: string): string[] {
  try {
    const raw = JSON.parse(text) as { dataset?: unknown };
    const choice = datasetChoiceSchema.safeParse(raw.dataset);
    if (!choice.success || choice.data.source !== 'file') return [];
    return [choice.data.path, ...(choice.data.testPath ? [choice.data.testPath] : [])];
  } catch {
    return [];
  }
}
