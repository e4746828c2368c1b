/**
 * The main process entry: the only main-side file that imports Electron. It
 * wires Electron's objects into the modules beside it (which tests run under
 * plain Node with fakes) and owns the app's lifetime.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  protocol,
  screen,
  session as electronSession,
  shell,
  utilityProcess,
  type MessagePortMain,
} from 'electron';
import { EVENT_CHANNELS, TRAINER_PORT_CHANNEL } from '../shared/channels';
import type { AppCommand, DesktopEvents } from '../shared/contract';
import type { ExitReason } from '../shared/trainer-exit';
import { filesFromArgv } from './argv';
import { sweepTempFiles, writeFileAtomically } from './files/atomic-write';
import { openDocumentFile } from './files/documents';
import { RecentFiles } from './files/recent';
import { RecoveryStore } from './files/recovery';
import { createNoticeHandlers, createRequestHandlers, dataPathsOf, type Dialogs } from './ipc/handlers';
import { registerIpc, trustedContext } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, isAppUrl } from './security/app-protocol';
import { denyPermissions, guardContents, isSafeExternalUrl } from './security/guards';
import { secureWebPreferences } from './security/web-preferences';
import { TrainerSupervisor, type WorkerProcessLike } from './training/supervisor';
import { APP_TITLE, WindowSession, type CloseChoice } from './window/session';
import { MIN_SIZE, restoreWindowState, serialiseWindowState } from './window/window-state';

const PRELOAD = join(__dirname, '../preload/index.js');
const RENDERER_DIR = join(__dirname, '../renderer');
const TRAINER_ENTRY = join(__dirname, 'trainer.js');

// Before ready: the app scheme must be privileged to serve ES modules and WebAssembly.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const sessions = new Map<number, { session: WindowSession; window: BrowserWindow; trainer: TrainerSupervisor<MessagePortMain> }>();
  const byContents = new Map<number, WindowSession>();
  const pendingFiles: string[] = filesFromArgv(process.argv, process.cwd());
  let nextSlot = 1;
  let ready = false;

  const userData = app.getPath('userData');
  const recent = new RecentFiles(join(userData, 'recent-files.json'));
  const recovery = new RecoveryStore(join(userData, 'recovery'), randomUUID());
  const windowStateFile = join(userData, 'window-state.json');
  const log = (message: string, error?: unknown): void => console.error(`[neuroloom] ${message}`, error ?? '');

  const send = <K extends keyof DesktopEvents>(window: BrowserWindow, channel: K, payload: DesktopEvents[K]): void => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNELS[channel], payload);
  };

  const dialogs: Dialogs = {
    openFile: async (s, options) => {
      const window = windowOf(s);
      const result = await (window ? dialog.showOpenDialog(window, { ...options, properties: ['openFile'] }) : dialog.showOpenDialog({ ...options, properties: ['openFile'] }));
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    saveFile: async (s, options) => {
      const window = windowOf(s);
      const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
  const windowOf = (s: WindowSession): BrowserWindow | null => [...sessions.values()].find((e) => e.session === s)?.window ?? null;

  const rebuildMenu = (): void => {
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: APP_TITLE,
      recent: recent.list(),
      isPackaged: app.isPackaged,
      actions: {
        command: (command) => sendCommand(command),
        openRecent: (path) => void openFromOutside(path, true),
        clearRecent: () => void recent.clear().then(rebuildMenu),
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const sendCommand = (command: AppCommand): void => {
    const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (target) send(target, 'command', command);
    else if (command === 'new' || command === 'open') {
      const created = createWindow();
      created.webContents.once('did-finish-load', () => send(created, 'command', command));
    }
  };

  /**
   * A file from Open Recent goes into the focused window if that has no
   * unsaved changes; one from the command line or the OS only into a window
   * still empty. Otherwise a new window: opening never throws work away.
   */
  const openFromOutside = async (path: string, fromRecent = false): Promise<void> => {
    try {
      const file = await openDocumentFile(path);
      const focused = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const entry = focused ? sessions.get(focused.id) : undefined;
      const replaceable = entry && !entry.session.dirty && (fromRecent || entry.session.path === null);
      const window = replaceable ? entry.window : createWindow();
      const target = sessions.get(window.id);
      if (target) {
        target.session.grantDocument(path);
        target.session.path = path;
        target.trainer.grant(dataPathsOf(file.text));
      }
      await recent.add(path);
      app.addRecentDocument(path);
      rebuildMenu();
      if (window.webContents.isLoading()) window.webContents.once('did-finish-load', () => send(window, 'openFile', file));
      else send(window, 'openFile', file);
      window.focus();
    } catch (e) {
      if (fromRecent) {
        await recent.remove(path).catch(() => undefined);
        rebuildMenu();
      }
      dialog.showErrorBox('Cannot open the file', e instanceof Error ? e.message : String(e));
    }
  };

  function createWindow(): BrowserWindow {
    const saved = readWindowState();
    const offset = sessions.size * 30;
    const window = new BrowserWindow({
      ...saved.bounds,
      ...(saved.bounds.x !== undefined && saved.bounds.y !== undefined ? { x: saved.bounds.x + offset, y: saved.bounds.y + offset } : {}),
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: 'Neuroloom',
      backgroundColor: '#1e1f24',
      webPreferences: secureWebPreferences(PRELOAD),
    });
    if (saved.maximized) window.maximize();
    const contents = window.webContents;
    guardContents(contents, { openExternal: (url) => (isSafeExternalUrl(url) ? shell.openExternal(url) : undefined) });

    const trainer = new TrainerSupervisor<MessagePortMain>({
      fork: (serviceName) => forkTrainer(serviceName),
      createChannel: () => new MessageChannelMain(),
      deliverPort: (port, generation) => contents.postMessage(TRAINER_PORT_CHANNEL, generation, [port]),
      reportExit: (message) => send(window, 'trainerExit', { message }),
      serviceName: `neuroloom-trainer-${window.id}`,
    });
    const session = new WindowSession(
      nextSlot++,
      {
        setTitle: (title) => !window.isDestroyed() && window.setTitle(title),
        setDocumentEdited: (edited) => !window.isDestroyed() && window.setDocumentEdited(edited),
        close: () => !window.isDestroyed() && window.close(),
        sendCommand: (command) => send(window, 'command', command),
      },
      trainer,
    );
    sessions.set(window.id, { session, window, trainer });
    byContents.set(contents.id, session);
    const contentsId = contents.id;

    // The page keeps its own title (file name and unsaved mark) from the session.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      saveWindowState(window);
      session.requestClose(event, (name) => askToSave(window, name));
    });
    window.on('closed', () => {
      trainer.dispose();
      void recovery.clear(session.slot);
      sessions.delete(window.id);
      byContents.delete(contentsId);
    });
    // A reloaded or crashed page has lost its port: its training process goes with it.
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) trainer.stop();
    });
    contents.on('render-process-gone', () => trainer.stop());

    void window.loadURL(APP_ENTRY_URL);
    return window;
  }

  const forkTrainer = (serviceName: string): WorkerProcessLike => {
    const child = utilityProcess.fork(TRAINER_ENTRY, [], { serviceName, stdio: 'inherit' });
    return {
      postMessage: (message, transfer) => child.postMessage(message, transfer as MessagePortMain[] | undefined),
      on: (event: 'message' | 'exit', listener: (value: never) => void) => {
        if (event === 'message') {
          child.on('message', listener as (message: unknown) => void);
          // V8's fatal errors (out of memory above all) come as 'error' just before 'exit': pass them on as last words.
          child.on('error', (type, location) => (listener as (message: unknown) => void)({ type: 'fatal', message: `${type}: ${location}`.slice(0, 500) }));
        } else child.on('exit', listener as (code: number) => void);
        return child;
      },
      kill: () => child.kill(),
    };
  };

  const askToSave = async (window: BrowserWindow, name: string): Promise<CloseChoice> => {
    const { response } = await dialog.showMessageBox(window, {
      type: 'question',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: `Save the changes to ${name}?`,
      detail: 'Your changes are lost if you close without saving.',
    });
    return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
  };

  function readWindowState(): ReturnType<typeof restoreWindowState> {
    let text: string | null = null;
    try {
      text = readFileSync(windowStateFile, 'utf8');
    } catch {
      text = null;
    }
    return restoreWindowState(text, screen.getAllDisplays().map((d) => d.workArea));
  }

  function saveWindowState(window: BrowserWindow): void {
    if (window.isDestroyed()) return;
    void writeFileAtomically(windowStateFile, serialiseWindowState(window.getNormalBounds(), window.isMaximized())).catch((e) => log('cannot remember the window place', e));
  }

  registerIpc<WindowSession>({
    ipc: ipcMain,
    contextOf: (event) => trustedContext(event, byContents, isAppUrl),
    requests: createRequestHandlers({
      dialogs,
      recent,
      recovery,
      recentChanged: (path) => {
        if (path) app.addRecentDocument(path);
        rebuildMenu();
      },
    }),
    notices: createNoticeHandlers({ recovery }),
    log,
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = filesFromArgv(argv, workingDirectory);
    for (const path of files) void openFromOutside(path);
    if (files.length === 0) {
      const window = BrowserWindow.getAllWindows()[0];
      if (window) {
        if (window.isMinimized()) window.restore();
        window.focus();
      } else createWindow();
    }
  });

  // macOS hands files over by event, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (ready) void openFromOutside(path);
    else pendingFiles.push(path);
  });

  app.on('child-process-gone', (_event, details) => {
    if (details.type !== 'Utility' || !details.serviceName) return;
    for (const { trainer } of sessions.values()) trainer.noteGone(details.serviceName, details.reason as ExitReason);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  void app.whenReady().then(async () => {
    const defaultSession = electronSession.defaultSession;
    denyPermissions(defaultSession);
    // No remote content: the app has no reason to reach the network from a page.
    defaultSession.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => callback({ cancel: true }));
    protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR));

    await recent.load();
    const swept = [...(await recovery.sweep()), ...(await sweepTempFiles(recent.list()))];
    if (swept.length > 0) log(`removed ${swept.length} temporary file(s) left by an interrupted save`);
    rebuildMenu();
    ready = true;
    const files = pendingFiles.splice(0);
    if (files.length === 0) createWindow();
    for (const path of files) await openFromOutside(path);
  });
}
