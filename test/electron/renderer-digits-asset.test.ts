/**
 * The packed digits asset reaches the desktop renderer: the app protocol
 * serves renderer/public/digits.bin (which electron-vite copies into
 * out/renderer) as bytes, with the renderer's security headers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, createAppProtocolHandler } from '../../electron/main/security/app-protocol';
import { RENDERER_CSP } from '../../electron/main/security/csp';

const publicDir = fileURLToPath(new URL('../../renderer/public', import.meta.url));

describe('the digits asset over app://', () => {
  it('is served whole, as application/octet-stream, with the CSP', async () => {
    const handler = createAppProtocolHandler(publicDir);
    const res = await handler(new Request(`${APP_ORIGIN}/digits.bin`));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(res.headers.get('Content-Security-Policy')).toBe(RENDERER_CSP);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(Buffer.from(bytes).equals(readFileSync(join(publicDir, 'digits.bin')))).toBe(true);
  });
});
