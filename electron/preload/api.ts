/**
 * The API the preload exposes as `window.neuroloom`: one function per
 * contract method, each sending only its own channel. The page never sees
 * ipcRenderer, an event object or a channel name. ipcRenderer comes in as a
 * parameter so tests build the API under plain Node.
 */
import { EVENT_CHANNELS, NOTICE_CHANNELS, REQUEST_CHANNELS } from '../shared/channels';
import type { AppCommand, DesktopApi, DesktopEvents, OpenedFile, RequestName, Result } from '../shared/contract';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createDesktopApi(ipc: IpcRendererLike): DesktopApi {
  const invoke =
    <K extends RequestName>(name: K) =>
    (...args: unknown[]) =>
      ipc.invoke(REQUEST_CHANNELS[name], ...args) as Promise<Result<never>>;

  const commands = new Set<(command: AppCommand) => void>();
  const trainerExits = new Set<(exit: DesktopEvents['trainerExit']) => void>();
  const fileHandlers = new Set<(file: OpenedFile) => void>();
  // A file passed to the app can arrive before the page has subscribed: keep it until someone listens.
  const unclaimedFiles: OpenedFile[] = [];

  ipc.on(EVENT_CHANNELS.command, (_event, command) => {
    for (const h of commands) h(command as AppCommand);
  });
  ipc.on(EVENT_CHANNELS.trainerExit, (_event, exit) => {
    for (const h of trainerExits) h(exit as DesktopEvents['trainerExit']);
  });
  ipc.on(EVENT_CHANNELS.openFile, (_event, file) => {
    if (fileHandlers.size === 0) unclaimedFiles.push(file as OpenedFile);
    for (const h of fileHandlers) h(file as OpenedFile);
  });

  const subscribe =
    <T>(set: Set<(value: T) => void>, onFirst?: (handler: (value: T) => void) => void) =>
    (handler: (value: T) => void): (() => void) => {
      set.add(handler);
      onFirst?.(handler);
      return () => void set.delete(handler);
    };

  return {
    openProject: invoke('openProject'),
    openRecent: invoke('openRecent'),
    recentFiles: invoke('recentFiles'),
    saveProject: invoke('saveProject'),
    importNetwork2: invoke('importNetwork2'),
    exportNetwork2: invoke('exportNetwork2'),
    exportFile: invoke('exportFile'),
    chooseDataFile: invoke('chooseDataFile'),
    autosave: invoke('autosave'),
    recoverable: invoke('recoverable'),
    discardRecovery: invoke('discardRecovery'),
    connectTrainer: invoke('connectTrainer'),
    setDocumentState: (name, dirty) => ipc.send(NOTICE_CHANNELS.setDocumentState, name, dirty),
    onCommand: subscribe(commands),
    onTrainerExit: subscribe(trainerExits),
    onOpenFile: subscribe(fileHandlers, (handler) => {
      for (const file of unclaimedFiles.splice(0)) handler(file);
    }),
  };
}
