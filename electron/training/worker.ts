/**
 * The utility process's body: it answers main's control messages on the
 * parent port and runs one trainer host per renderer port it is handed.
 * Takes its ports as parameters so tests drive it under plain Node.
 */
import { resolve } from 'node:path';
import { runTrainerHost } from '../../engine/protocol/host';
import { controlToWorkerSchema, type ControlFromWorker } from './control';
import { nodeTrainerEnvironment } from './environment';
import { messagePortMainPort, type MessagePortMainLike } from './ports';

export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: MessagePortMainLike[] }) => void): unknown;
  postMessage(message: ControlFromWorker): void;
}

export function runUtilityWorker(parent: ParentPortLike): void {
  const granted = new Set<string>();
  let current: { port: MessagePortMainLike; stop: () => void } | null = null;

  parent.on('message', ({ data, ports }) => {
    const parsed = controlToWorkerSchema.safeParse(data);
    if (!parsed.success) return; // main is trusted; a malformed message is a bug, ignored rather than fatal
    const message = parsed.data;
    if (message.type === 'grant') {
      for (const path of message.paths) granted.add(resolve(path));
      return;
    }
    const [port] = ports;
    if (!port) return;
    current?.stop();
    let deliver: ((m: unknown) => void) | null = null;
    const adapted = messagePortMainPort(port);
    runTrainerHost(
      {
        postMessage: (e) => adapted.postMessage(e),
        onMessage: (handler) => {
          deliver = handler;
          adapted.onMessage(handler);
        },
      },
      nodeTrainerEnvironment({ allowFile: (path) => granted.has(resolve(path)) }),
    );
    current = {
      port,
      stop: () => {
        deliver?.({ type: 'stop' });
        port.close();
      },
    };
  });
  parent.postMessage({ type: 'ready' });
}
