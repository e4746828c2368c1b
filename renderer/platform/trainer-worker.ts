/**
 * The Web Worker entry of the browser build: binds the one trainer host
 * (engine/protocol/host.ts) to the worker's `self`. Datasets come from the
 * seed (functions, toy sets, sequence sets), the packed digits asset (fetched
 * once), or the bytes of files sent with the start request (uploads).
 */
import { runTrainerHost } from '../../engine/protocol/host';
import type { TrainerEvent } from '../../engine/protocol/messages';
import { createTrainerDatasetLoader, DIGITS_ASSET_NAME, fetchDigitsAsset } from '../training/data/browser-datasets';
import { digitsUrlFromWorkerName } from '../training/data/worker-name';

/** The parts of DedicatedWorkerGlobalScope we use (the renderer's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  name: string;
  location: { href: string };
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

const scope = self as unknown as WorkerScope;

// The page says where the digits are (a worker's relative URLs resolve against its own script).
const digitsUrl = digitsUrlFromWorkerName(scope.name) ?? new URL(`../${DIGITS_ASSET_NAME}`, scope.location.href).href;
const loadDataset = createTrainerDatasetLoader(() => fetchDigitsAsset(digitsUrl));

// setTimeout(fn, 0) is clamped to 4 ms once nested: a MessageChannel turn is not,
// and requests from the page (same task source) still get in between two slices.
const queue: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => queue.shift()?.();
const defer = (fn: () => void): void => {
  queue.push(fn);
  channel.port2.postMessage(null);
};

const send = (event: TrainerEvent): void => {
  // A snapshot's params are a fresh copy the host keeps no reference to: hand the buffer over.
  if (event.type === 'snapshot') scope.postMessage(event, [event.params.buffer]);
  else scope.postMessage(event);
};

runTrainerHost(
  {
    postMessage: send,
    onMessage: (handler) => scope.addEventListener('message', (e) => handler(e.data)),
  },
  { loadDataset, defer, now: () => performance.now() },
);

scope.addEventListener('unhandledrejection', (e) => {
  send({ type: 'error', message: `internal error: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}` });
});
