/**
 * How a training process ended, in words a person can act on. Shared by the
 * utility-process supervisor (main) and the child_process adapter (node/).
 */

/** Electron's child-process-gone reasons, and what Node's exit tells us. */
export type ExitReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';

export interface ProcessExit {
  code: number | null;
  signal: string | null;
  reason?: ExitReason;
  /** The worker's last words (an uncaught error's message), if it sent any. */
  detail?: string;
}

const TAIL = 'The weights on the canvas are the last ones it sent; press Train to start again.';

export function describeExit(exit: ProcessExit): string {
  const detail = exit.detail ? ` (${exit.detail})` : '';
  if (exit.reason === 'oom' || exit.reason === 'memory-eviction') {
    return `The training process ran out of memory. Try a smaller dataset, network or mini-batch. ${TAIL}`;
  }
  if (exit.reason === 'launch-failed') return 'The training process could not be started. Restart Neuroloom; if it happens again, reinstall it.';
  if (exit.signal === 'SIGKILL' || exit.reason === 'killed') {
    return `The training process was killed${exit.signal ? ` (${exit.signal})` : ''}, perhaps by the system when memory ran low. ${TAIL}`;
  }
  if (exit.signal) return `The training process stopped on signal ${exit.signal}. ${TAIL}`;
  if (exit.code === 0 && exit.reason !== 'crashed') return `The training process ended unexpectedly${detail}. ${TAIL}`;
  const code = exit.code === null ? '' : ` with exit code ${exit.code}`;
  return `The training process crashed${code}${detail}. ${TAIL}`;
}
