/**
 * Picks the Host for where the renderer runs. The browser build says so at
 * build time; otherwise the desktop Host is used when its module is present
 * (renderer/platform/desktop-host.ts, written with the Electron side).
 */
import type { Host } from './host';
import { createBrowserHost } from './browser-host';

type DesktopModule = { createDesktopHost(): Host };

const desktop = import.meta.glob<DesktopModule>('./desktop-host.ts');

export async function createHost(): Promise<Host> {
  const load = desktop['./desktop-host.ts'];
  if (import.meta.env.NEUROLOOM_HOST !== 'browser' && load) {
    const module = await load();
    return module.createDesktopHost();
  }
  return createBrowserHost();
}
