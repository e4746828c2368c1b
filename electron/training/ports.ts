/**
 * Adapters from the runtimes' message ports to the trainer host's Port.
 * Structural types only, so these load under plain Node in tests.
 */
import type { Port, TrainerEvent } from '../../engine/protocol/messages';

/** The parts of Electron's MessagePortMain the trainer uses. */
export interface MessagePortMainLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export function messagePortMainPort(port: MessagePortMainLike): Port<unknown, TrainerEvent> {
  return {
    postMessage: (event) => port.postMessage(event),
    onMessage: (handler) => {
      port.on('message', (e) => handler(e.data));
      port.start();
    },
  };
}

/** The parts of a Node child process's own `process` the trainer uses. */
export interface ProcessChannelLike {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  send?(message: unknown): boolean;
}

export function processChannelPort(proc: ProcessChannelLike): Port<unknown, TrainerEvent> {
  const send = proc.send?.bind(proc);
  if (!send) throw new Error('this process has no IPC channel: fork it with child_process.fork');
  return {
    postMessage: (event) => void send(event),
    onMessage: (handler) => void proc.on('message', handler),
  };
}
