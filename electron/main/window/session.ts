/**
 * What main knows about one window: its document's name, path and unsaved
 * state (for the title and the close question), the files it may overwrite,
 * and its training process.
 */
import { resolve } from 'node:path';
import type { AppCommand } from '../../shared/contract';

export const APP_TITLE = 'Neuroloom';

/** The parts of a BrowserWindow a session drives. */
export interface WindowSurface {
  setTitle(title: string): void;
  /** macOS's dot in the close button. */
  setDocumentEdited(edited: boolean): void;
  close(): void;
  sendCommand(command: AppCommand): void;
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface TrainerHandle {
  connect(): number;
  grant(paths: readonly string[]): void;
  dispose(): void;
}

export function windowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '• ' : ''}${name || 'Untitled'} — ${APP_TITLE}`;
}

export class WindowSession {
  name = 'Untitled';
  dirty = false;
  /** The file this window's document was last opened from or saved to. */
  path: string | null = null;
  private readonly writable = new Set<string>();
  private closeAfterSave = false;
  private allowClose = false;
  private asking = false;

  constructor(
    /** Numbers this window's autosave slot. */
    readonly slot: number,
    private readonly surface: WindowSurface,
    readonly trainer: TrainerHandle,
  ) {
    surface.setTitle(windowTitle(this.name, this.dirty));
  }

  /** A path the user picked in a dialog, opened from the recent list or passed to the app: it may be saved over. */
  grantDocument(path: string): void {
    this.writable.add(resolve(path));
  }

  mayWrite(path: string): boolean {
    return this.writable.has(resolve(path));
  }

  setDocumentState(name: string, dirty: boolean): void {
    this.name = name;
    this.dirty = dirty;
    this.surface.setTitle(windowTitle(name, dirty));
    this.surface.setDocumentEdited(dirty);
    if (!dirty && this.closeAfterSave) {
      this.closeAfterSave = false;
      this.allowClose = true;
      this.surface.close();
    }
  }

  /** A save ended without saving (cancelled or failed): a pending close is off. */
  saveAbandoned(): void {
    this.closeAfterSave = false;
  }

  /**
   * The window's 'close' event. With unsaved changes the close is held and
   * the user asked: Save (the renderer saves; the window closes once the
   * document reports clean), Don't Save, or Cancel. Returns whether the
   * window may close now.
   */
  requestClose(event: { preventDefault(): void }, ask: (name: string) => Promise<CloseChoice>): boolean {
    if (this.allowClose || !this.dirty) return true;
    event.preventDefault();
    if (this.asking) return false;
    this.asking = true;
    void ask(this.name)
      .then((choice) => {
        if (choice === 'discard') {
          this.allowClose = true;
          this.surface.close();
        } else if (choice === 'save') {
          this.closeAfterSave = true;
          this.surface.sendCommand('save');
        }
      })
      .finally(() => {
        this.asking = false;
      });
    return false;
  }
}
