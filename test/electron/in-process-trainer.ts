/** The trainer body in this process, with the Node environment: what a forked trainer is compared against exactly. */
import { runTrainerHost } from '../../engine/protocol/host';
import type { TrainerEvent } from '../../engine/protocol/messages';
import { nodeTrainerEnvironment } from '../../electron/training/environment';

/** Every event of one request, until 'done' or 'error'. */
export function inProcess(request: unknown): Promise<TrainerEvent[]> {
  return new Promise((resolve) => {
    const events: TrainerEvent[] = [];
    let deliver: (m: unknown) => void = () => {};
    runTrainerHost(
      {
        postMessage: (e) => {
          events.push(e);
          if (e.type === 'done' || e.type === 'error') resolve(events);
        },
        onMessage: (h) => {
          deliver = h;
        },
      },
      nodeTrainerEnvironment({ allowFile: () => true }),
    );
    deliver(request);
  });
}
