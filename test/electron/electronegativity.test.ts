/**
 * A scan with @doyensec/electronegativity of the desktop sources (main,
 * preload, training, the page's HTML and package.json). Every finding is
 * either fixed or listed below with the reason it does not apply; an
 * allow-list entry that no longer matches anything fails too, so the list
 * stays short and true.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/fakes';

interface Finding {
  id: string;
  file: string;
  sample?: string;
  description: string;
  location: { line: number };
}
type Run = (options: Record<string, unknown>) => Promise<{ issues: Finding[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

const ALLOWED: { id: string; file: string; why: string }[] = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'electron/main/index.ts',
    why: 'webPreferences come from secureWebPreferences() (contextIsolation: true), asserted in security.test.ts; the scan does not follow the call',
  },
  { id: 'SANDBOX_JS_CHECK', file: 'electron/main/index.ts', why: 'likewise: sandbox: true in secureWebPreferences()' },
  { id: 'AUXCLICK_JS_CHECK', file: 'electron/main/index.ts', why: "likewise: disableBlinkFeatures: 'Auxclick', and every new window is denied" },
  { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/index.ts', why: 'only URLs that pass isSafeExternalUrl (plain https) are opened' },
  { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/security/guards.ts', why: 'the same https-only check guards both calls' },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    why: "a 'maybe' from its CSP evaluator: 'self' is risky only with JSONP or user uploads served from it (app:// serves our build alone), and it predates the 'wasm-unsafe-eval' keyword",
  },
  { id: 'ELECTRON_VERSION_JSON_CHECK', file: 'package.json', why: 'informational: it reports the Electron version (45.5.0)' },
];

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('electronegativity', () => {
  it('finds nothing that is not fixed or explained', async () => {
    // The scanner takes one folder: the desktop sources, the page that sets the CSP, and package.json.
    const scan = tempDir('neuroloom-scan-');
    cpSync(join(root, 'electron'), join(scan, 'electron'), { recursive: true });
    mkdirSync(join(scan, 'renderer'));
    cpSync(join(root, 'renderer/index.html'), join(scan, 'renderer/index.html'));
    cpSync(join(root, 'package.json'), join(scan, 'package.json'));

    // Its HTTP client would fetch translations and Electron's release list from the internet; there is none
    // here (and a scan must not depend on one), so it gets a stand-in that fails at once.
    const requireHere = createRequire(import.meta.url);
    const got = createRequire(requireHere.resolve('@doyensec/electronegativity')).resolve('got');
    const stub = new Module(got);
    stub.exports = () => Promise.reject(new Error('offline'));
    stub.loaded = true;
    requireHere.cache[got] = stub;
    const load = requireHere('@doyensec/electronegativity') as Run | { default: Run };
    const run = typeof load === 'function' ? load : load.default;
    const result = await run({
      input: scan,
      isRelative: true,
      electronVersionOverride: '45.5.0',
      // It asks the network for Electron's release list; there is none here, and the version is pinned.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);

    const key = (f: { id: string; file: string }) => `${f.id} ${f.file.replace(/\\/g, '/')}`;
    const findings = result.issues.map((f) => ({ ...f, file: f.file.replace(/\\/g, '/') }));
    const unexplained = findings.filter((f) => !ALLOWED.some((a) => key(a) === key(f)));
    expect(unexplained.map((f) => `${key(f)}:${f.location.line} ${f.description} | ${f.sample ?? ''}`)).toEqual([]);
    const stale = ALLOWED.filter((a) => !findings.some((f) => key(f) === key(a)));
    expect(stale).toEqual([]);
  });
});
