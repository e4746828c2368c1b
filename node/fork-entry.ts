/**
 * The trainer host as a Node child process (child_process.fork with
 * `serialization: 'advanced'`, so a Float64Array arrives as one). The same
 * trainer body the Electron utility process and the Web Worker run; here
 * every data path is allowed, since the parent is the user's own program.
 */
import { runTrainerHost } from '../engine/protocol/host';
import { nodeTrainerEnvironment } from '../electron/training/environment';
import { processChannelPort } from '../electron/training/ports';

// The parent going away (or closing the channel) ends the run: a trainer with
// no one to report to is only burning a core.
process.on('disconnect', () => process.exit(0));

runTrainerHost(processChannelPort(process), nodeTrainerEnvironment({ allowFile: () => true }));
