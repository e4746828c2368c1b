/**
 * The renderer's Content-Security-Policy, sent as a header with every page
 * the app protocol serves. renderer/index.html carries the same policy in a
 * meta tag (for the browser build); a test keeps the two identical.
 * 'wasm-unsafe-eval' lets the engine compile WebAssembly, nothing more:
 * no 'unsafe-eval', no inline scripts, no remote hosts.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** "a b; c d" -> { a: ['b'], c: ['d'] }, for comparing policies in tests and checks. */
export function parseCsp(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}
