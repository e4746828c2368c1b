/**
 * The preload (sandboxed, context-isolated): exposes the desktop API and
 * passes the training port to the page. It is bundled into one file, since a
 * sandboxed preload can require nothing but 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { TRAINER_PORT_CHANNEL, TRAINER_PORT_TAG } from '../shared/channels';
import type { TrainerPortMessage } from '../shared/contract';
import { createDesktopApi } from './api';

contextBridge.exposeInMainWorld('neuroloom', createDesktopApi(ipcRenderer));

// contextBridge cannot carry a MessagePort; window.postMessage to our own
// window can. The page checks the tag and that the message came from itself.
ipcRenderer.on(TRAINER_PORT_CHANNEL, (event, generation: unknown) => {
  if (typeof generation !== 'number' || event.ports.length !== 1) return;
  const message: TrainerPortMessage = { neuroloom: TRAINER_PORT_TAG, generation };
  window.postMessage(message, window.location.origin, [...event.ports]);
});
