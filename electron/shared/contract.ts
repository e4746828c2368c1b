/**
 * The desktop IPC contract, type-only: every method the renderer may ask of
 * the main process. The preload exposes exactly one function per method
 * (channels.ts names them), and main validates every payload before acting
 * (main/ipc/schemas.ts). Nothing here exists at run time.
 */
import type { AppCommand, OpenedFile, RecoveredDocument, SavedFile } from '../../renderer/platform/host';

export type { AppCommand, OpenedFile, RecoveredDocument, SavedFile };

/**
 * Every answer crosses IPC as a value, never as a thrown error: Electron
 * wraps a thrown error's message in "Error invoking remote method ...", and a
 * user should read only what went wrong.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Renderer -> main, answered. */
export interface DesktopRequests {
  /** A native open dialog; the file is read and validated before its text is returned. */
  openProject(): OpenedFile | null;
  /** Only paths from the recent-files list are read. */
  openRecent(path: string): OpenedFile | null;
  recentFiles(): string[];
  /** The text must be a valid project; `target.path` must be one this window opened or saved. */
  saveProject(text: string, target: SavedFile | null, saveAs: boolean): SavedFile | null;
  importNetwork2(): OpenedFile | null;
  exportNetwork2(text: string, suggestedName: string): SavedFile | null;
  exportFile(suggestedName: string, data: Uint8Array | string, kind: 'png' | 'csv'): SavedFile | null;
  /** A native dialog for an IDX or CSV data file; the chosen path is granted to the training process. */
  chooseDataFile(): string | null;
  autosave(text: string): null;
  recoverable(): RecoveredDocument[];
  discardRecovery(id: string): null;
  /**
   * Starts a fresh training process for this window (ending the one before)
   * and answers its generation; the port arrives by window.postMessage tagged
   * with the same generation.
   */
  connectTrainer(): number;
}

/** Renderer -> main, one way. */
export interface DesktopNotices {
  setDocumentState(name: string, dirty: boolean): void;
}

/** Main -> renderer. */
export interface DesktopEvents {
  command: AppCommand;
  /** A file opened from outside the page: Open Recent, the command line, the OS. */
  openFile: OpenedFile;
  /** The training process ended unexpectedly; the message says why, for a person. */
  trainerExit: { message: string };
}

export type RequestName = keyof DesktopRequests;
export type NoticeName = keyof DesktopNotices;
export type EventName = keyof DesktopEvents;

type Unsubscribe = () => void;

/** What the preload exposes as `window.neuroloom`. */
export type DesktopApi = {
  [K in RequestName]: (...args: Parameters<DesktopRequests[K]>) => Promise<Result<ReturnType<DesktopRequests[K]>>>;
} & {
  [K in NoticeName]: (...args: Parameters<DesktopNotices[K]>) => void;
} & {
  onCommand(handler: (command: AppCommand) => void): Unsubscribe;
  onOpenFile(handler: (file: OpenedFile) => void): Unsubscribe;
  onTrainerExit(handler: (exit: DesktopEvents['trainerExit']) => void): Unsubscribe;
};

/**
 * The training port crosses from the preload's isolated world to the page by
 * window.postMessage (contextBridge cannot carry a MessagePort). This is the
 * message's data.
 */
export interface TrainerPortMessage {
  neuroloom: 'trainer-port';
  /** Which connectTrainer() call this port answers, so a stale port is ignored. */
  generation: number;
}
