/**
 * The Host on the desktop: every call goes through the preload's
 * `window.neuroloom` (one function per contract method); training talks to
 * the window's utility process over a MessagePort that main hands over.
 */
import type { TrainerEvent, TrainerRequest } from '../../engine/protocol/messages';
import type { DesktopApi, Result, TrainerPortMessage } from '../../electron/shared/contract';
import { isAppCommand, type AppCommand, type Host, type TrainerConnection } from './host';

/** A port that has not arrived this long after main answered is reported, not waited for. */
export const PORT_TIMEOUT_MS = 10_000;

/** Edit commands a focused text field should perform itself rather than the canvas. */
const TEXT_EDITING: Partial<Record<AppCommand, string>> = {
  undo: 'undo',
  redo: 'redo',
  cut: 'cut',
  copy: 'copy',
  paste: 'paste',
  delete: 'forwardDelete',
  selectAll: 'selectAll',
};

export function desktopApi(): DesktopApi | null {
  return (globalThis as { neuroloom?: DesktopApi }).neuroloom ?? null;
}

async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function isTextEditing(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement) return !element.readOnly;
  if (element instanceof HTMLInputElement) return !element.readOnly && !['checkbox', 'radio', 'range', 'button', 'submit', 'color', 'file'].includes(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

export function createDesktopHost(given: DesktopApi | null = desktopApi(), options: { portTimeoutMs?: number } = {}): Host {
  if (!given) throw new Error("Neuroloom's desktop API is missing: this page must run in a Neuroloom window, whose preload provides it");
  const api = given;
  const portTimeoutMs = options.portTimeoutMs ?? PORT_TIMEOUT_MS;
  /** The newest connection's generation: only it hears about a crash. */
  let latest = 0;

  const connectTrainer = (): TrainerConnection => {
    const handlers = new Set<(event: TrainerEvent) => void>();
    const queued: TrainerRequest[] = [];
    const stashed = new Map<number, MessagePort>();
    let generation: number | null = null;
    let port: MessagePort | null = null;
    let state: 'connecting' | 'open' | 'ended' = 'connecting';
    let portTimer: ReturnType<typeof setTimeout> | undefined;

    const emit = (event: TrainerEvent): void => {
      for (const h of handlers) h(event);
    };
    const fail = (message: string): void => {
      if (state === 'ended') return;
      state = 'ended';
      clearTimeout(portTimer);
      port?.close();
      port = null;
      emit({ type: 'error', message });
      emit({ type: 'status', status: 'failed', message });
    };
    const bind = (p: MessagePort): void => {
      clearTimeout(portTimer);
      port = p;
      state = 'open';
      p.onmessage = (e: MessageEvent) => emit(e.data as TrainerEvent);
      for (const request of queued.splice(0)) p.postMessage(request);
    };
    const onWindowMessage = (e: MessageEvent): void => {
      const data = e.data as Partial<TrainerPortMessage> | null;
      if (e.source !== window || data?.neuroloom !== 'trainer-port' || typeof data.generation !== 'number' || e.ports.length !== 1) return;
      const [p] = e.ports;
      if (generation === null) stashed.set(data.generation, p);
      else if (data.generation === generation && state === 'connecting') bind(p);
    };
    window.addEventListener('message', onWindowMessage);
    const stopExits = api.onTrainerExit(({ message }) => {
      if (generation !== null && generation === latest) fail(message);
    });

    void unwrap(api.connectTrainer()).then(
      (g) => {
        generation = g;
        latest = Math.max(latest, g);
        if (state === 'ended') return;
        const early = stashed.get(g);
        for (const p of stashed.values()) if (p !== early) p.close();
        stashed.clear();
        if (early) bind(early);
        else portTimer = setTimeout(() => fail('The training process did not answer. Press Train to try again.'), portTimeoutMs);
      },
      (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
    );

    return {
      post(request) {
        if (state === 'open' && port) port.postMessage(request);
        else if (state === 'connecting') queued.push(request);
        else emit({ type: 'error', message: 'The training process has stopped. Press Train to start it again.' });
      },
      onEvent(handler) {
        handlers.add(handler);
        return () => void handlers.delete(handler);
      },
      dispose() {
        if (state === 'open') port?.postMessage({ type: 'stop' } satisfies TrainerRequest);
        state = 'ended';
        clearTimeout(portTimer);
        port?.close();
        port = null;
        for (const p of stashed.values()) p.close();
        handlers.clear();
        stopExits();
        window.removeEventListener('message', onWindowMessage);
      },
    };
  };

  return {
    kind: 'desktop',
    openProject: () => unwrap(api.openProject()),
    openRecent: (path) => unwrap(api.openRecent(path)),
    recentFiles: () => unwrap(api.recentFiles()),
    saveProject: (text, target, saveAs) => unwrap(api.saveProject(text, target, saveAs)),
    importNetwork2: () => unwrap(api.importNetwork2()),
    exportNetwork2: (text, suggestedName) => unwrap(api.exportNetwork2(text, suggestedName)),
    exportFile: (suggestedName, data, kind) => unwrap(api.exportFile(suggestedName, data, kind)),
    chooseDataFile: () => unwrap(api.chooseDataFile()),
    setDocumentState: (name, dirty) => api.setDocumentState(name, dirty),
    autosave: async (text) => void (await unwrap(api.autosave(text))),
    recoverable: () => unwrap(api.recoverable()),
    discardRecovery: async (id) => void (await unwrap(api.discardRecovery(id))),
    onCommand: (handler) =>
      api.onCommand((command: unknown) => {
        // Only the commands the menu can send: anything else that arrives on the channel is dropped.
        if (!isAppCommand(command)) {
          console.warn(`Neuroloom ignored an unknown menu command: ${JSON.stringify(command)?.slice(0, 80)}`);
          return;
        }
        // The menu's accelerators take keys from text fields too: let a focused field do its own editing.
        const native = TEXT_EDITING[command];
        if (native && isTextEditing(document.activeElement)) document.execCommand(native);
        else handler(command);
      }),
    onOpenFile: (handler) => api.onOpenFile(handler),
    connectTrainer,
  };
}
