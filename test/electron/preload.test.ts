/** The preload's API: one function per contract method, each on its own channel, and nothing else. */
import { describe, expect, it } from 'vitest';
import { createDesktopApi, type IpcRendererLike } from '../../electron/preload/api';
import { EVENT_CHANNELS, NOTICE_CHANNELS, REQUEST_CHANNELS, REQUEST_NAMES } from '../../electron/shared/channels';
import type { OpenedFile } from '../../electron/shared/contract';

class FakeIpcRenderer implements IpcRendererLike {
  invoked: [string, unknown[]][] = [];
  sent: [string, unknown[]][] = [];
  listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    return { ok: true, value: channel };
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, args]);
  }
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.set(channel, listener);
    return this;
  }
  emit(channel: string, ...args: unknown[]): void {
    this.listeners.get(channel)?.({ sender: 'the ipc event must not reach the page' }, ...args);
  }
}

describe('preload API', () => {
  it('exposes exactly the contract: requests, the notice and three subscriptions, all functions', () => {
    const api = createDesktopApi(new FakeIpcRenderer());
    expect(Object.keys(api).sort()).toEqual([...REQUEST_NAMES, 'setDocumentState', 'onCommand', 'onOpenFile', 'onTrainerExit'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('sends each request on its own channel with exactly its arguments', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createDesktopApi(ipc);
    const target = { name: 'a.neuroloom', path: '/a.neuroloom' };
    expect(await api.saveProject('{}', target, true)).toEqual({ ok: true, value: REQUEST_CHANNELS.saveProject });
    await api.openRecent('/x.neuroloom');
    await api.connectTrainer();
    api.setDocumentState('a', true);
    expect(ipc.invoked).toEqual([
      [REQUEST_CHANNELS.saveProject, ['{}', target, true]],
      [REQUEST_CHANNELS.openRecent, ['/x.neuroloom']],
      [REQUEST_CHANNELS.connectTrainer, []],
    ]);
    expect(ipc.sent).toEqual([[NOTICE_CHANNELS.setDocumentState, ['a', true]]]);
  });

  it('hands the page event payloads only, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = createDesktopApi(ipc);
    const seen: unknown[][] = [];
    const off = api.onCommand((...args) => seen.push(args));
    ipc.emit(EVENT_CHANNELS.command, 'save');
    off();
    ipc.emit(EVENT_CHANNELS.command, 'open');
    expect(seen).toEqual([['save']]);
    const exits: unknown[] = [];
    api.onTrainerExit((e) => exits.push(e));
    ipc.emit(EVENT_CHANNELS.trainerExit, { message: 'gone' });
    expect(exits).toEqual([{ message: 'gone' }]);
  });

  it('keeps a file that arrives before the page listens, and hands it to the first listener', () => {
    const ipc = new FakeIpcRenderer();
    const api = createDesktopApi(ipc);
    const file: OpenedFile = { name: 'a.neuroloom', path: '/a.neuroloom', text: '{}' };
    ipc.emit(EVENT_CHANNELS.openFile, file);
    const first: OpenedFile[] = [];
    const second: OpenedFile[] = [];
    api.onOpenFile((f) => first.push(f));
    api.onOpenFile((f) => second.push(f));
    ipc.emit(EVENT_CHANNELS.openFile, { ...file, name: 'b' });
    expect(first.map((f) => f.name)).toEqual(['a.neuroloom', 'b']);
    expect(second.map((f) => f.name)).toEqual(['b']);
  });
});
