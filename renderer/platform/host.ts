/**
 * What the renderer needs from wherever it runs. The renderer talks to a
 * Host, never to Electron or the browser directly: the desktop Host goes
 * through the preload's one-function-per-action API, the browser Host uses
 * downloads, file pickers and a Web Worker.
 */
import type { TrainerEvent, TrainerRequest } from '../../engine/protocol/messages';

/** A file the user opened: its name (for the title), where it came from, and its text. */
export interface OpenedFile {
  name: string;
  /** Absolute path on the desktop; null in the browser. */
  path: string | null;
  text: string;
}

export interface SavedFile {
  name: string;
  path: string | null;
}

/**
 * Commands the native menu (desktop) sends, as a list: a command that
 * arrives from outside the page is one of these or is dropped (isAppCommand).
 */
export const APP_COMMAND_NAMES = [
  'new',
  'open',
  'save',
  'saveAs',
  'importNetwork2',
  'exportNetwork2',
  'exportChart',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'delete',
  'selectAll',
  'zoomIn',
  'zoomOut',
  'fitView',
  'togglePalette',
  'toggleInspector',
  'toggleViews',
  'lessons',
  'about',
  'train',
  'pause',
  'resume',
  'stop',
  'step',
  'stepEpoch',
  'reset',
  'reRandomise',
  'trainingPanel',
] as const;

export type AppCommand = (typeof APP_COMMAND_NAMES)[number];

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMAND_NAMES as readonly string[]).includes(value);
}

/** A live connection to a trainer host (a utility process or a Web Worker). */
export interface TrainerConnection {
  post(request: TrainerRequest): void;
  /** Returns an unsubscribe function. */
  onEvent(handler: (event: TrainerEvent) => void): () => void;
  dispose(): void;
}

export interface RecoveredDocument {
  id: string;
  name: string;
  savedAt: string;
  text: string;
}

export interface Host {
  readonly kind: 'desktop' | 'browser';

  /** Asks the user for a project file; null when they cancel. Errors are InputError-like messages. */
  openProject(): Promise<OpenedFile | null>;
  /** Opens a file given by path (recent files, files passed on the command line). Desktop only. */
  openRecent(path: string): Promise<OpenedFile | null>;
  recentFiles(): Promise<string[]>;
  /**
   * Saves project text. With `target` null (or saveAs) the user is asked where;
   * the desktop writes atomically. Null when they cancel.
   */
  saveProject(text: string, target: SavedFile | null, saveAs: boolean): Promise<SavedFile | null>;
  importNetwork2(): Promise<OpenedFile | null>;
  exportNetwork2(text: string, suggestedName: string): Promise<SavedFile | null>;
  /** Exports a chart (PNG bytes) or metrics (CSV text). */
  exportFile(suggestedName: string, data: Uint8Array | string, kind: 'png' | 'csv'): Promise<SavedFile | null>;

  /** The window title shows the file name and an unsaved-changes mark. */
  setDocumentState(name: string, dirty: boolean): void;
  /** Autosave for crash recovery. */
  autosave(text: string): Promise<void>;
  /** Documents autosaved by a session that did not end cleanly. */
  recoverable(): Promise<RecoveredDocument[]>;
  discardRecovery(id: string): Promise<void>;

  /** Native menu commands; returns an unsubscribe function. */
  onCommand(handler: (command: AppCommand) => void): () => void;

  /** Desktop only: a native dialog for an IDX or CSV file; its path may then be named in a dataset choice. */
  chooseDataFile?(): Promise<string | null>;
  /** Desktop only: files opened from outside the page (Open Recent, the command line, the OS). */
  onOpenFile?(handler: (file: OpenedFile) => void): () => void;

  connectTrainer(): TrainerConnection;
}
