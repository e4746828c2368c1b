/**
 * The window's security settings, its Content-Security-Policy, the app
 * protocol, the navigation and window-open guards and the permission handler.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, isAppUrl } from '../../electron/main/security/app-protocol';
import { parseCsp, RENDERER_CSP } from '../../electron/main/security/csp';
import { denyPermissions, guardContents, isSafeExternalUrl, type GuardedContents } from '../../electron/main/security/guards';
import { secureWebPreferences } from '../../electron/main/security/web-preferences';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('web preferences', () => {
  it('has context isolation, the sandbox and no Node in the page', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toEqual({
      preload: '/app/out/preload/index.js',
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
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
    });
  });
});

describe('Content-Security-Policy', () => {
  const csp = parseCsp(RENDERER_CSP);

  it('is strict: self only, no eval (WebAssembly aside), no inline script, no plugins, no remote hosts', () => {
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['form-action']).toEqual(["'none'"]);
    for (const values of Object.values(csp)) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values.some((v) => /^(https?:|wss?:|\*)/.test(v))).toBe(false);
    }
  });

  it('is the same policy as the meta tag in renderer/index.html', () => {
    const html = readFileSync(join(root, 'renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta).not.toBeNull();
    expect(parseCsp(meta?.[1] ?? '')).toEqual(csp);
  });
});

describe('app protocol', () => {
  const files: Record<string, string> = { '/r/index.html': '<html>', '/r/assets/a.js': 'js', '/secret.txt': 'secret' };
  const handler = createAppProtocolHandler('/r', async (p) => {
    if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return new TextEncoder().encode(files[p]);
  });
  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves the renderer with the CSP header and the right type', async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<html>');
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://neuroloom/assets/a.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('serves nothing outside its folder, from another host or by another method', async () => {
    for (const url of ['app://neuroloom/../secret.txt', 'app://neuroloom/%2e%2e/secret.txt', 'app://neuroloom/..%2fsecret.txt', 'app://neuroloom/assets/..%2f..%2fsecret.txt', 'app://other/index.html', 'app://neuroloom/missing.js', 'app://neuroloom/%00']) {
      const res = await get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toBe('secret');
    }
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
  });

  it('knows its own origin and nothing else', () => {
    expect(isAppUrl('app://neuroloom/index.html')).toBe(true);
    for (const url of ['app://neuroloom.evil/x', 'https://neuroloom/', 'file:///index.html', 'app:', 'not a url']) expect(isAppUrl(url)).toBe(false);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
  });
});

class FakeContents implements GuardedContents {
  listeners = new Map<string, (...args: never[]) => void>();
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: (...args: never[]) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true), url: String(args[0] ?? '') };
    const listener = this.listeners.get(event) as ((...a: unknown[]) => void) | undefined;
    if (!listener) throw new Error(`no ${event} listener`);
    if (event === 'will-frame-navigate' || event === 'will-attach-webview') listener(e);
    else listener(e, ...args);
    return prevented;
  }
}

describe('navigation, new windows and permissions', () => {
  it('denies every navigation and new window; https links alone open outside', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    guardContents(contents, { openExternal: (url) => opened.push(url) });
    for (const url of ['https://example.org/page', 'http://example.org/', 'file:///etc/passwd', 'app://neuroloom/index.html', 'javascript:alert(1)']) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.org/page', 'https://example.org/page']);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'https://example.org/')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'app://neuroloom/index.html')).toBe(false);
    expect(contents.fire('will-redirect', 'https://example.org/')).toBe(true);
  });

  it('opens only plain https URLs externally', () => {
    expect(isSafeExternalUrl('https://neuralnetworksanddeeplearning.com/chap1.html')).toBe(true);
    for (const url of ['http://x.org', 'file:///x', 'smb://host/share', 'https://user:pw@x.org/', 'ms-settings:', 'https://', 'javascript:1']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('denies every permission request and check but the clipboard text write', () => {
    const handlers: { request?: (c: unknown, p: string, cb: (g: boolean) => void) => void; check?: (c: unknown, p: string) => boolean } = {};
    denyPermissions({ setPermissionRequestHandler: (h) => (handlers.request = h), setPermissionCheckHandler: (h) => (handlers.check = h) });
    const ask = (permission: string): boolean | null => {
      const answer: { granted: boolean | null } = { granted: null };
      handlers.request?.({}, permission, (g) => (answer.granted = g));
      return answer.granted;
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'fullscreen', 'clipboard-read', 'hid', 'serial', 'usb']) {
      expect(ask(permission), permission).toBe(false);
      expect(handlers.check?.({}, permission), permission).toBe(false);
    }
    expect(ask('clipboard-sanitized-write')).toBe(true);
  });
});
