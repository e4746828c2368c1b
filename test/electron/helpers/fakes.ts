/** Fakes of the Electron objects main's modules take as parameters. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layeredNetwork } from '../../../engine/build';
import { newProject, serialiseProject } from '../../../engine/project';
import type { AppCommand } from '../../../electron/shared/contract';
import { RecentFiles } from '../../../electron/main/files/recent';
import { RecoveryStore } from '../../../electron/main/files/recovery';
import type { Dialogs } from '../../../electron/main/ipc/handlers';
import type { IpcEventLike, IpcMainLike } from '../../../electron/main/ipc/register';
import { WindowSession, type TrainerHandle } from '../../../electron/main/window/session';

export function tempDir(prefix = 'neuroloom-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const SESSION_ID = '0b6f5c52-8a3e-4a43-9c55-2f7b0f8a1d10';
export const OTHER_SESSION_ID = '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

export function projectText(name = 'Net', weightsOverride?: (w: number[][]) => number[][]): string {
  const network = layeredNetwork([2, 3, 1]);
  if (weightsOverride) {
    for (const e of network.edges) if (e.weights) e.weights = weightsOverride(e.weights);
  }
  return serialiseProject(newProject(network, name));
}

export class FakeSurface {
  title = '';
  edited = false;
  closed = 0;
  commands: AppCommand[] = [];
  setTitle(t: string): void {
    this.title = t;
  }
  setDocumentEdited(e: boolean): void {
    this.edited = e;
  }
  close(): void {
    this.closed++;
  }
  sendCommand(c: AppCommand): void {
    this.commands.push(c);
  }
}

export class FakeTrainer implements TrainerHandle {
  connects = 0;
  granted: string[] = [];
  disposed = false;
  connect(): number {
    return ++this.connects;
  }
  grant(paths: readonly string[]): void {
    this.granted.push(...paths);
  }
  dispose(): void {
    this.disposed = true;
  }
}

/** Dialogs that answer from a queue (null = the user cancelled) and remember what they were asked. */
export class FakeDialogs implements Dialogs {
  answers: (string | null)[] = [];
  asked: { kind: 'open' | 'save'; title: string; defaultPath?: string }[] = [];
  async openFile(_s: WindowSession, o: { title: string }): Promise<string | null> {
    this.asked.push({ kind: 'open', title: o.title });
    return this.answers.shift() ?? null;
  }
  async saveFile(_s: WindowSession, o: { title: string; defaultPath: string }): Promise<string | null> {
    this.asked.push({ kind: 'save', title: o.title, defaultPath: o.defaultPath });
    return this.answers.shift() ?? null;
  }
}

export async function fixture() {
  const dir = tempDir();
  const surface = new FakeSurface();
  const trainer = new FakeTrainer();
  const session = new WindowSession(1, surface, trainer);
  const recent = new RecentFiles(join(dir, 'recent.json'));
  await recent.load();
  const recovery = new RecoveryStore(join(dir, 'recovery'), SESSION_ID);
  const dialogs = new FakeDialogs();
  return { dir, surface, trainer, session, recent, recovery, dialogs };
}

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, listener);
    return this;
  }
}

/** An event as Electron makes it for the main frame of web contents `id` at `url`. */
export function eventFrom(id: number, url = 'app://neuroloom/index.html'): IpcEventLike {
  const frame = { url };
  return { sender: { id, mainFrame: frame }, senderFrame: frame };
}
