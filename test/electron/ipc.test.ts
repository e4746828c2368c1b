/**
 * Every IPC handler against a forged sender and hostile payloads: each is
 * refused with an error Result before its handler runs, and main goes on
 * answering valid calls afterwards.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { layeredNetwork } from '../../engine/build';
import { exportNetwork2Text } from '../../engine/formats/network2-export';
import { createNoticeHandlers, createRequestHandlers } from '../../electron/main/ipc/handlers';
import { REFUSED_SENDER, registerIpc, trustedContext, type IpcEventLike, type RequestHandlers } from '../../electron/main/ipc/register';
import { MAX_EXPORT_BYTES } from '../../electron/main/ipc/schemas';
import { isAppUrl } from '../../electron/main/security/app-protocol';
import type { WindowSession } from '../../electron/main/window/session';
import { NOTICE_CHANNELS, REQUEST_CHANNELS, REQUEST_NAMES } from '../../electron/shared/channels';
import type { RequestName, Result } from '../../electron/shared/contract';
import { eventFrom, FakeIpcMain, fixture, OTHER_SESSION_ID, projectText } from './helpers/fakes';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const VALID: { [K in RequestName]: unknown[] } = {
  openProject: [],
  openRecent: ['/tmp/recent.neuroloom'],
  recentFiles: [],
  saveProject: [projectText(), { name: 'Net.neuroloom', path: null }, false],
  importNetwork2: [],
  exportNetwork2: [exportNetwork2Text(layeredNetwork([2, 3, 1])), 'net'],
  exportFile: ['chart', PNG, 'png'],
  chooseDataFile: [],
  autosave: [projectText()],
  recoverable: [],
  discardRecovery: [`${OTHER_SESSION_ID}-1`],
  connectTrainer: [],
};

const huge = () => new Array(1_000_000).fill(1);
const polluted = () => JSON.parse('{"__proto__": {"polluted": true}, "name": "x.neuroloom", "path": null}') as unknown;

/** Hostile variants of a valid argument list, each with a label. */
function hostile(args: unknown[]): [string, unknown[]][] {
  const out: [string, unknown[]][] = [
    ['one argument too many', [...args, polluted()]],
    // As many arguments as a call can spread (a million would overflow the stack before any handler).
    ['ten thousand arguments', new Array(10_000).fill('x')],
  ];
  args.forEach((arg, i) => {
    const at = (v: unknown) => args.map((a, j) => (j === i ? v : a));
    out.push([`argument ${i + 1} missing`, args.slice(0, i)]);
    out.push([`argument ${i + 1} of the wrong type`, at(typeof arg === 'string' ? 12345 : 'not-this')]);
    out.push([`argument ${i + 1} NaN`, at(Number.NaN)]);
    out.push([`argument ${i + 1} a huge array`, at(huge())]);
    out.push([`argument ${i + 1} with a __proto__ key`, at(polluted())]);
    if (arg !== null && typeof arg === 'object' && !(arg instanceof Uint8Array)) {
      out.push([`argument ${i + 1} missing a field`, at({ name: 'x' })]);
      out.push([`argument ${i + 1} with a __proto__ key beside its fields`, at(JSON.parse('{"name":"a","path":null,"__proto__":{"x":1}}'))]);
    }
  });
  return out;
}

async function setup() {
  const f = await fixture();
  const ipc = new FakeIpcMain();
  const calls: string[] = [];
  const logged: string[] = [];
  const real = createRequestHandlers({ dialogs: f.dialogs, recent: f.recent, recovery: f.recovery, recentChanged: () => undefined });
  const spied = Object.fromEntries(
    Object.entries(real).map(([name, fn]) => [name, (...a: unknown[]) => (calls.push(name), (fn as (...x: unknown[]) => unknown)(...a))]),
  ) as RequestHandlers<WindowSession>;
  const contexts = new Map<number, WindowSession>([[1, f.session]]);
  registerIpc<WindowSession>({
    ipc,
    contextOf: (event) => trustedContext(event, contexts, isAppUrl),
    requests: spied,
    notices: createNoticeHandlers({ recovery: f.recovery }),
    log: (m) => logged.push(m),
  });
  const invoke = (name: RequestName, event: IpcEventLike, args: unknown[]) => {
    const handler = ipc.handlers.get(REQUEST_CHANNELS[name]);
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler(event, ...args) as Promise<Result<unknown>>;
  };
  return { ...f, ipc, calls, logged, invoke };
}

let ctx: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  ctx = await setup();
});

describe('IPC handlers', () => {
  it('registers exactly one handler per contract method', () => {
    expect([...ctx.ipc.handlers.keys()].sort()).toEqual(Object.values(REQUEST_CHANNELS).sort());
    expect([...ctx.ipc.listeners.keys()]).toEqual(Object.values(NOTICE_CHANNELS));
  });

  const forged: [string, () => IpcEventLike][] = [
    ['an unknown window', () => eventFrom(99)],
    ['a remote page', () => eventFrom(1, 'https://evil.example/')],
    ['a file:// page', () => eventFrom(1, 'file:///etc/passwd')],
    ['a look-alike origin', () => eventFrom(1, 'app://neuroloom.evil/index.html')],
    ['no frame (navigated away)', () => ({ sender: { id: 1, mainFrame: {} }, senderFrame: null })],
    ['a subframe of our window', () => ({ sender: { id: 1, mainFrame: { url: 'app://neuroloom/index.html' } }, senderFrame: { url: 'app://neuroloom/index.html' } })],
  ];

  for (const name of REQUEST_NAMES) {
    it(`${name}: refuses a forged sender and hostile payloads without running, then still answers`, async () => {
      for (const [label, event] of forged) {
        const result = await ctx.invoke(name, event(), VALID[name]);
        expect(result, `${name} from ${label}`).toEqual({ ok: false, error: REFUSED_SENDER });
      }
      for (const [label, args] of hostile(VALID[name])) {
        const result = await ctx.invoke(name, eventFrom(1), args);
        expect(result.ok, `${name} with ${label}`).toBe(false);
        expect(!result.ok && result.error, `${name} with ${label}`).toMatch(new RegExp(`^${name}: (arguments|argument \\d)`));
      }
      expect(ctx.calls).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // Main keeps running: a valid call goes through.
      const after = await ctx.invoke('recentFiles', eventFrom(1), []);
      expect(after).toEqual({ ok: true, value: [] });
    });
  }

  it('refuses byte arrays and text past their ceilings', async () => {
    const big = new Uint8Array(MAX_EXPORT_BYTES + 1);
    big.set(PNG);
    const bytes = await ctx.invoke('exportFile', eventFrom(1), ['chart', big, 'png']);
    expect(bytes).toEqual({ ok: false, error: expect.stringMatching(/argument 2: .*64 MiB/) });
    const text = await ctx.invoke('exportFile', eventFrom(1), ['metrics', 'x'.repeat(MAX_EXPORT_BYTES + 1), 'csv']);
    expect(text.ok).toBe(false);
    expect(ctx.calls).toEqual([]);
  });

  it('answers a handler failure as an error Result, never a throw', async () => {
    const result = await ctx.invoke('openRecent', eventFrom(1), ['/not/in/the/list.neuroloom']);
    expect(result).toEqual({ ok: false, error: 'list.neuroloom is not in the recent files list' });
    const discard = await ctx.invoke('discardRecovery', eventFrom(1), ['../../etc/passwd']);
    expect(discard).toEqual({ ok: false, error: expect.stringMatching(/^not a recovery id/) });
  });

  it('drops hostile notices with a log line, leaving the window as it was', () => {
    const notice = ctx.ipc.listeners.get(NOTICE_CHANNELS.setDocumentState);
    if (!notice) throw new Error('no listener');
    notice(eventFrom(1), 'Good.neuroloom', true);
    expect(ctx.surface.title).toBe('• Good.neuroloom — Neuroloom');
    for (const args of [[], ['x'], ['x', 'yes'], [Number.NaN, true], ['x', true, 'extra'], [huge(), false], [polluted(), true]]) notice(eventFrom(1), ...args);
    notice(eventFrom(99), 'Forged', false);
    notice(eventFrom(1, 'https://evil.example/'), 'Forged', false);
    expect(ctx.surface.title).toBe('• Good.neuroloom — Neuroloom');
    expect(ctx.logged).toHaveLength(9);
  });
});
