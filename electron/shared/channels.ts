/**
 * IPC channel names, one per contract method. The `satisfies` clauses make
 * a method without a channel (or a channel without a method) a compile error.
 */
import type { EventName, NoticeName, RequestName } from './contract';

export const REQUEST_CHANNELS = {
  openProject: 'neuroloom:openProject',
  openRecent: 'neuroloom:openRecent',
  recentFiles: 'neuroloom:recentFiles',
  saveProject: 'neuroloom:saveProject',
  importNetwork2: 'neuroloom:importNetwork2',
  exportNetwork2: 'neuroloom:exportNetwork2',
  exportFile: 'neuroloom:exportFile',
  chooseDataFile: 'neuroloom:chooseDataFile',
  autosave: 'neuroloom:autosave',
  recoverable: 'neuroloom:recoverable',
  discardRecovery: 'neuroloom:discardRecovery',
  connectTrainer: 'neuroloom:connectTrainer',
} as const satisfies { [K in RequestName]: `neuroloom:${K}` };

export const NOTICE_CHANNELS = {
  setDocumentState: 'neuroloom:setDocumentState',
} as const satisfies { [K in NoticeName]: `neuroloom:${K}` };

export const EVENT_CHANNELS = {
  command: 'neuroloom:event:command',
  openFile: 'neuroloom:event:openFile',
  trainerExit: 'neuroloom:event:trainerExit',
} as const satisfies { [K in EventName]: `neuroloom:event:${K}` };

/** Main -> preload: carries the training MessagePort. */
export const TRAINER_PORT_CHANNEL = 'neuroloom:trainerPort';
/** The tag of the window.postMessage that hands the port to the page. */
export const TRAINER_PORT_TAG = 'trainer-port';

export const REQUEST_NAMES = Object.keys(REQUEST_CHANNELS) as RequestName[];
export const NOTICE_NAMES = Object.keys(NOTICE_CHANNELS) as NoticeName[];
