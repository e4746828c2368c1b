/**
 * Binds the contract to ipcMain. Each call is checked in this order before a
 * handler runs: the sender (a window we made, its main frame, our origin),
 * then the payload (zod). Every outcome is a Result; nothing a renderer sends
 * can throw out of a handler into main.
 */
import { InputError } from '../../../engine/errors';
import { NOTICE_CHANNELS, REQUEST_CHANNELS } from '../../shared/channels';
import type { DesktopNotices, DesktopRequests, NoticeName, RequestName, Result } from '../../shared/contract';
import { describeIssue, NOTICE_SCHEMAS, REQUEST_SCHEMAS } from './schemas';

/** The parts of Electron's IpcMainInvokeEvent / IpcMainEvent we look at. */
export interface IpcEventLike {
  sender: { id: number; mainFrame?: unknown };
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
}

export type RequestHandlers<C> = {
  [K in RequestName]: (context: C, ...args: Parameters<DesktopRequests[K]>) => Promise<ReturnType<DesktopRequests[K]>> | ReturnType<DesktopRequests[K]>;
};
export type NoticeHandlers<C> = {
  [K in NoticeName]: (context: C, ...args: Parameters<DesktopNotices[K]>) => void;
};

export interface RegisterOptions<C> {
  ipc: IpcMainLike;
  /** The window context for a trusted sender, or null (see trustedContext). */
  contextOf(event: IpcEventLike): C | null;
  requests: RequestHandlers<C>;
  notices: NoticeHandlers<C>;
  /** Bugs of ours (not InputErrors) are logged here and reported as "internal error". */
  log(message: string, error?: unknown): void;
}

export const REFUSED_SENDER = 'refused: the request did not come from a Neuroloom window';

export function registerIpc<C>(options: RegisterOptions<C>): void {
  for (const name of Object.keys(REQUEST_CHANNELS) as RequestName[]) {
    options.ipc.handle(REQUEST_CHANNELS[name], (event, ...args) => handleRequest(options, name, event, args));
  }
  for (const name of Object.keys(NOTICE_CHANNELS) as NoticeName[]) {
    options.ipc.on(NOTICE_CHANNELS[name], (event, ...args) => {
      const context = options.contextOf(event);
      if (context === null) return options.log(`${name}: ${REFUSED_SENDER}`);
      const parsed = NOTICE_SCHEMAS[name].safeParse(args);
      if (!parsed.success) return options.log(`${name}: ${describeIssue(parsed.error)}`);
      try {
        (options.notices[name] as (c: C, ...a: unknown[]) => void)(context, ...parsed.data);
      } catch (e) {
        options.log(`${name} failed`, e);
      }
    });
  }
}

async function handleRequest<C>(options: RegisterOptions<C>, name: RequestName, event: IpcEventLike, args: unknown[]): Promise<Result<unknown>> {
  let context: C | null;
  try {
    context = options.contextOf(event);
  } catch {
    context = null;
  }
  if (context === null) {
    options.log(`${name}: ${REFUSED_SENDER} (${event.senderFrame?.url ?? 'no frame'})`);
    return { ok: false, error: REFUSED_SENDER };
  }
  const parsed = REQUEST_SCHEMAS[name].safeParse(args);
  if (!parsed.success) return { ok: false, error: `${name}: ${describeIssue(parsed.error)}` };
  try {
    const handler = options.requests[name] as (c: C, ...a: unknown[]) => unknown;
    return { ok: true, value: await handler(context, ...(parsed.data as unknown[])) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: e.message };
    options.log(`${name} failed`, e);
    return { ok: false, error: `internal error in ${name}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The sender check: the window must be one of ours, the frame its main frame
 * (no iframes), and the frame's URL on the app origin.
 */
export function trustedContext<C>(event: IpcEventLike, contexts: ReadonlyMap<number, C>, isAppUrl: (url: string) => boolean): C | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  const context = contexts.get(event.sender.id);
  if (context === undefined) return null;
  if (event.sender.mainFrame !== frame) return null;
  if (!isAppUrl(frame.url)) return null;
  return context;
}
