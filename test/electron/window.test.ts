/** The native menu, the window's title and close question, its remembered place, and files from the command line. */
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { filesFromArgv } from '../../electron/main/argv';
import { buildMenuTemplate } from '../../electron/main/menu';
import { WindowSession, windowTitle, type CloseChoice } from '../../electron/main/window/session';
import { DEFAULT_WINDOW_STATE, restoreWindowState, serialiseWindowState } from '../../electron/main/window/window-state';
import type { AppCommand } from '../../electron/shared/contract';
import type { AppActions } from '../../renderer/app/actions';
import { APP_COMMANDS, buildCommands, type TrainingActions } from '../../renderer/app/commands';
import { APP_COMMAND_NAMES } from '../../renderer/platform/host';
import { createRuntimeStore } from '../../renderer/store/runtime-store';
import { FakeSurface, FakeTrainer } from './helpers/fakes';

type Item = MenuItemConstructorOptions;

function menu(platform: NodeJS.Platform, recent: string[] = []) {
  const sent: AppCommand[] = [];
  const opened: string[] = [];
  const template = buildMenuTemplate({
    platform,
    appName: 'Neuroloom',
    recent,
    isPackaged: true,
    actions: { command: (c) => sent.push(c), openRecent: (p) => opened.push(p), clearRecent: () => opened.push('<clear>') },
  });
  const items = (list: Item[]): Item[] => list.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
  const all = items(template);
  const byLabel = (label: string): Item => {
    const found = all.find((i) => i.label?.replace(/&/g, '') === label);
    if (!found) throw new Error(`no menu item "${label}"`);
    return found;
  };
  const click = (label: string) => (byLabel(label).click as unknown as () => void)();
  return { template, all, byLabel, click, sent, opened };
}

describe('menu', () => {
  it('has the File, Edit, View, Train and Help items with the usual accelerators, each sending its command', () => {
    const m = menu('linux');
    expect(m.template.map((i) => i.label?.replace(/&/g, ''))).toEqual(['File', 'Edit', 'View', 'Train', 'Help']);
    const expected: [string, string | undefined, AppCommand][] = [
      ['New', 'CmdOrCtrl+N', 'new'],
      ['Open…', 'CmdOrCtrl+O', 'open'],
      ['Save', 'CmdOrCtrl+S', 'save'],
      ['Save As…', 'CmdOrCtrl+Shift+S', 'saveAs'],
      ['Import network2.py JSON…', 'CmdOrCtrl+I', 'importNetwork2'],
      ['Export network2.py JSON…', 'CmdOrCtrl+E', 'exportNetwork2'],
      ['Undo', 'CmdOrCtrl+Z', 'undo'],
      ['Redo', 'Ctrl+Y', 'redo'],
      ['Cut', 'CmdOrCtrl+X', 'cut'],
      ['Copy', 'CmdOrCtrl+C', 'copy'],
      ['Paste', 'CmdOrCtrl+V', 'paste'],
      ['Delete', 'Delete', 'delete'],
      ['Select All', 'CmdOrCtrl+A', 'selectAll'],
      ['Zoom In', 'CmdOrCtrl+=', 'zoomIn'],
      ['Zoom Out', 'CmdOrCtrl+-', 'zoomOut'],
      ['Fit to Window', 'CmdOrCtrl+0', 'fitView'],
      ['Toggle Palette', 'CmdOrCtrl+1', 'togglePalette'],
      ['Toggle Inspector', 'CmdOrCtrl+2', 'toggleInspector'],
      ['Toggle Views', 'CmdOrCtrl+3', 'toggleViews'],
      ['Train (or Resume)', 'F5', 'train'],
      ['Pause', 'F6', 'pause'],
      ['Resume', undefined, 'resume'],
      ['Stop', 'Shift+F5', 'stop'],
      ['Step One Mini-batch', 'F10', 'step'],
      ['Step to the End of the Epoch', 'F9', 'stepEpoch'],
      ['Reset to the Initial Weights', 'Shift+F8', 'reset'],
      ['Re-randomise the Weights', 'F8', 'reRandomise'],
      ['Show the Training Panel', undefined, 'trainingPanel'],
      ['Export the Chart as PNG…', 'CmdOrCtrl+Shift+E', 'exportChart'],
      ['Lessons', 'Alt+L', 'lessons'],
      ['About Neuroloom', undefined, 'about'],
    ];
    for (const [label, accelerator] of expected) {
      expect(m.byLabel(label).accelerator, label).toBe(accelerator);
      m.click(label);
    }
    expect(m.sent).toEqual(expected.map(([, , c]) => c));
    expect(m.byLabel('Quit')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
    // Delete is shown, not taken from text fields.
    expect(m.byLabel('Delete').registerAccelerator).toBe(false);
    // Accelerators are unique.
    const accels = m.all.flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
    expect(new Set(accels).size).toBe(accels.length);
  });

  it('sends every command the page accepts from it, and only those, on each platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const m = menu(platform);
      for (const item of m.all) if (typeof item.click === 'function' && !item.label?.match(/Recent/)) (item.click as unknown as () => void)();
      expect(new Set(m.sent), platform).toEqual(new Set(APP_COMMAND_NAMES));
    }
  });

  it('gives the Train menu the keys the page uses, and has every training command of the page', () => {
    const m = menu('linux');
    const training: TrainingActions = { run: () => {}, exportChart: () => {} };
    const actions = new Proxy({} as AppActions, { get: () => () => {} });
    const commands = buildCommands(actions, createRuntimeStore(), training);
    const trainMenu = m.template.find((i) => i.label === '&Train');
    const items = (Array.isArray(trainMenu?.submenu) ? trainMenu.submenu : []).filter((i) => i.type !== 'separator');
    const sentBy = (item: Item): AppCommand => {
      const before = m.sent.length;
      (item.click as unknown as () => void)();
      expect(m.sent.length).toBe(before + 1);
      return m.sent[m.sent.length - 1];
    };
    const accelerator = (shortcut: string | undefined) => shortcut?.replace(/^Mod\+/, 'CmdOrCtrl+');
    const covered = new Set<string>();
    for (const item of items) {
      const page = commands.find((c) => c.id === APP_COMMANDS[sentBy(item)]);
      expect(page, String(item.label)).toBeDefined();
      covered.add(page?.id ?? '');
      expect(item.accelerator, String(item.label)).toBe(accelerator(page?.shortcuts?.[0]));
    }
    expect([...covered].sort()).toEqual(commands.filter((c) => c.group === 'Train').map((c) => c.id).sort());
  });

  it('lists recent files and opens the one clicked', () => {
    const m = menu('linux', ['/home/a/xor.neuroloom', '/home/a/R&D.neuroloom']);
    m.click('1 xor.neuroloom');
    m.click('2 RD.neuroloom');
    m.click('Clear Recent');
    expect(m.opened).toEqual(['/home/a/xor.neuroloom', '/home/a/R&D.neuroloom', '<clear>']);
    expect(menu('linux').byLabel('No Recent Files').enabled).toBe(false);
  });

  it('follows macOS conventions there: an app menu with About and Quit, a Window menu', () => {
    const m = menu('darwin');
    expect(m.template.map((i) => i.label ?? i.role)).toEqual(['Neuroloom', '&File', '&Edit', '&View', '&Train', 'windowMenu', '&Help']);
    expect(m.byLabel('Redo').accelerator).toBe('Cmd+Shift+Z');
    expect(m.all.filter((i) => i.role === 'quit')).toHaveLength(1);
    expect(m.byLabel('Delete').accelerator).toBeUndefined();
  });
});

describe('window session', () => {
  const make = () => {
    const surface = new FakeSurface();
    const session = new WindowSession(3, surface, new FakeTrainer());
    return { surface, session };
  };
  const closeEvent = () => {
    const e = { prevented: false, preventDefault: () => (e.prevented = true) };
    return e;
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('shows the file name and an unsaved mark in the title', () => {
    const { surface, session } = make();
    expect(surface.title).toBe('Untitled — Neuroloom');
    session.setDocumentState('xor.neuroloom', true);
    expect(surface.title).toBe('• xor.neuroloom — Neuroloom');
    expect(surface.edited).toBe(true);
    session.setDocumentState('xor.neuroloom', false);
    expect(surface.title).toBe(windowTitle('xor.neuroloom', false));
  });

  it('closes at once when clean; asks when dirty, and cancel keeps the window', async () => {
    const { surface, session } = make();
    expect(session.requestClose(closeEvent(), async () => 'cancel')).toBe(true);
    session.setDocumentState('a', true);
    const asked: string[] = [];
    const e = closeEvent();
    expect(session.requestClose(e, async (name) => (asked.push(name), 'cancel' as CloseChoice))).toBe(false);
    expect(e.prevented).toBe(true);
    await flush();
    expect(asked).toEqual(['a']);
    expect(surface.closed).toBe(0);
  });

  it("Don't Save closes; Save asks the page to save and closes once the document is clean", async () => {
    const discard = make();
    discard.session.setDocumentState('a', true);
    discard.session.requestClose(closeEvent(), async () => 'discard');
    await flush();
    expect(discard.surface.closed).toBe(1);
    expect(discard.session.requestClose(closeEvent(), async () => 'cancel')).toBe(true); // the second close goes through

    const save = make();
    save.session.setDocumentState('b', true);
    save.session.requestClose(closeEvent(), async () => 'save');
    await flush();
    expect(save.surface.commands).toEqual(['save']);
    expect(save.surface.closed).toBe(0);
    save.session.setDocumentState('b', false);
    expect(save.surface.closed).toBe(1);
  });

  it('a cancelled save does not close the window later', async () => {
    const { surface, session } = make();
    session.setDocumentState('c', true);
    session.requestClose(closeEvent(), async () => 'save');
    await flush();
    session.saveAbandoned();
    session.setDocumentState('c', false);
    expect(surface.closed).toBe(0);
  });

  it('asks once even if close is pressed again while the question is open', async () => {
    const { session } = make();
    session.setDocumentState('d', true);
    let questions = 0;
    const ask = () => new Promise<CloseChoice>((r) => (questions++, setTimeout(() => r('cancel'), 10)));
    session.requestClose(closeEvent(), ask);
    session.requestClose(closeEvent(), ask);
    await new Promise((r) => setTimeout(r, 30));
    expect(questions).toBe(1);
  });
});

describe('window place', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('restores a saved place on a screen, and falls back when the screen has gone', () => {
    const text = serialiseWindowState({ x: 100.4, y: 80, width: 1000, height: 700 }, true);
    expect(restoreWindowState(text, screen)).toEqual({ bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true });
    const offScreen = serialiseWindowState({ x: 3000, y: 80, width: 1000, height: 700 }, false);
    expect(restoreWindowState(offScreen, screen)).toEqual({ bounds: { width: 1000, height: 700 }, maximized: false });
    const second = [...screen, { x: 1920, y: 0, width: 2560, height: 1400 }];
    expect(restoreWindowState(offScreen, second).bounds).toEqual({ x: 3000, y: 80, width: 1000, height: 700 });
  });

  it('ignores a damaged or absurd state', () => {
    for (const text of [null, '', '{', '{"bounds":{"width":"big"},"maximized":false}', '{"bounds":{"width":1e9,"height":5},"maximized":false}']) {
      expect(restoreWindowState(text, screen)).toEqual(DEFAULT_WINDOW_STATE);
    }
    expect(restoreWindowState('{"bounds":{"width":100,"height":100},"maximized":false}', screen).bounds).toEqual({ width: 720, height: 480 });
  });
});

describe('files from the command line', () => {
  it('takes project files, not flags, the app folder or missing files', () => {
    const exists = new Set(['/home/a/x.neuroloom', '/work/rel.json']);
    const argv = ['/opt/Neuroloom/neuroloom', '.', '--no-sandbox', '/home/a/x.neuroloom', 'rel.json', '/home/a/missing.neuroloom', '/home/a/notes.txt', '/home/a/x.neuroloom'];
    expect(filesFromArgv(argv, '/work', (p) => exists.has(p))).toEqual(['/home/a/x.neuroloom', '/work/rel.json']);
  });
});
