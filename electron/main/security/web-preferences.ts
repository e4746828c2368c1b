/**
 * Electron's security checklist for the one kind of window we make. Every
 * switch is spelled out, even where it is the default, so a test and a
 * reader see the whole policy in one place.
 */
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // A middle click would otherwise try to open a window (denied anyway by the window-open handler).
    disableBlinkFeatures: 'Auxclick',
    devTools: true,
  };
}
