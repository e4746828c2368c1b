/**
 * The native menu as a template (Menu.buildFromTemplate takes it in the
 * entry file). Commands go to the focused window's renderer; Quit, the
 * window items and the macOS app menu use Electron's roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { AppCommand } from '../shared/contract';

export interface MenuActions {
  command(command: AppCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly string[];
  /** Developer tools only in a development build. */
  isPackaged: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, platform } = options;
  const mac = platform === 'darwin';
  const cmd = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  });

  const recent: MenuItemConstructorOptions[] = options.recent.length
    ? [
        ...options.recent.map((path, i): MenuItemConstructorOptions => ({
          label: `${i < 9 ? `&${i + 1} ` : ''}${basename(path).replace(/&/g, '&&')}`,
          toolTip: path,
          click: () => actions.openRecent(path),
        })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Files', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      cmd('&New', 'new', 'CmdOrCtrl+N'),
      cmd('&Open…', 'open', 'CmdOrCtrl+O'),
      { label: 'Open &Recent', submenu: recent },
      { type: 'separator' },
      cmd('&Save', 'save', 'CmdOrCtrl+S'),
      cmd('Save &As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      cmd('&Import network2.py JSON…', 'importNetwork2', 'CmdOrCtrl+I'),
      cmd('&Export network2.py JSON…', 'exportNetwork2', 'CmdOrCtrl+E'),
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: '&Quit', accelerator: 'CmdOrCtrl+Q' }] as MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      cmd('&Undo', 'undo', 'CmdOrCtrl+Z'),
      cmd('&Redo', 'redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      cmd('Cu&t', 'cut', 'CmdOrCtrl+X'),
      cmd('&Copy', 'copy', 'CmdOrCtrl+C'),
      cmd('&Paste', 'paste', 'CmdOrCtrl+V'),
      // Shown but not registered: a registered Delete (or macOS Backspace) key would be taken from every text field.
      mac ? cmd('&Delete', 'delete') : { ...cmd('&Delete', 'delete', 'Delete'), registerAccelerator: false },
      { type: 'separator' },
      cmd('Select &All', 'selectAll', 'CmdOrCtrl+A'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      cmd('Zoom &In', 'zoomIn', 'CmdOrCtrl+='),
      cmd('Zoom &Out', 'zoomOut', 'CmdOrCtrl+-'),
      cmd('&Fit to Window', 'fitView', 'CmdOrCtrl+0'),
      { type: 'separator' },
      cmd('Toggle &Palette', 'togglePalette', 'CmdOrCtrl+1'),
      cmd('Toggle &Inspector', 'toggleInspector', 'CmdOrCtrl+2'),
      cmd('Toggle &Views', 'toggleViews', 'CmdOrCtrl+3'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.isPackaged ? [] : ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
    ],
  };

  // The renderer's keys (renderer/training/commands.ts SHORTCUTS): the page handles them first and
  // the menu shows them. Whether a command makes sense now (Pause while idle) the renderer decides.
  const train: MenuItemConstructorOptions = {
    label: '&Train',
    submenu: [
      cmd('&Train (or Resume)', 'train', 'F5'),
      cmd('&Pause', 'pause', 'F6'),
      cmd('&Resume', 'resume'),
      cmd('&Stop', 'stop', 'Shift+F5'),
      { type: 'separator' },
      cmd('Step One &Mini-batch', 'step', 'F10'),
      cmd('Step to the End of the &Epoch', 'stepEpoch', 'F9'),
      { type: 'separator' },
      cmd('Reset to the &Initial Weights', 'reset', 'Shift+F8'),
      cmd('Re-r&andomise the Weights', 'reRandomise', 'F8'),
      { type: 'separator' },
      cmd('Show the Training Pa&nel', 'trainingPanel'),
      cmd('Export the &Chart as PNG…', 'exportChart', 'CmdOrCtrl+Shift+E'),
    ],
  };

  // Lessons takes the page's key (Alt+L): the page keeps F1 for its command palette, and a key the
  // page handles never reaches the menu.
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [cmd('&Lessons', 'lessons', 'Alt+L'), ...(mac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, cmd(`&About ${options.appName}`, 'about')])],
  };

  const macApp: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            cmd(`About ${options.appName}`, 'about'),
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const windowMenu: MenuItemConstructorOptions[] = mac ? [{ role: 'windowMenu' }] : [];
  return [...macApp, file, edit, view, train, ...windowMenu, help];
}
