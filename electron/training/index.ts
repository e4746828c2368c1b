/**
 * Entry of the training utility process (forked by main with
 * utilityProcess.fork). Electron gives it `process.parentPort`; its type says
 * it is always there, so check at run time.
 */
import type { ParentPortLike } from './worker';
import { runUtilityWorker } from './worker';

const parent = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!parent) {
  process.stderr.write('neuroloom trainer: no parent port; this file runs only as an Electron utility process\n');
  process.exit(2);
}

// Say why before dying, so the user reads the cause rather than an exit code.
process.on('uncaughtException', (error) => {
  parent.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  // A moment for the message to leave; the process state after an uncaught error is not to be trusted longer.
  setTimeout(() => process.exit(70), 100);
});

runUtilityWorker(parent);
