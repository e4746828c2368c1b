/** Runs the real CLI (bin/neuroloom.cjs) in a child process. */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'neuroloom.cjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 2 ** 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bad input: a non-zero exit, one line on stderr that names the problem, and never a stack trace. */
export function expectOneLineError(r: CliResult, pattern: RegExp): void {
  const lines = r.stderr.trim().split('\n');
  const problems: string[] = [];
  if (r.status === 0) problems.push('exit status 0');
  if (lines.length !== 1) problems.push(`${lines.length} lines on stderr`);
  if (!lines[0].startsWith('neuroloom: ')) problems.push('no "neuroloom: " prefix');
  if (/\n\s+at /.test(r.stderr) || /internal error/.test(r.stderr)) problems.push('a stack trace');
  if (!pattern.test(r.stderr)) problems.push(`message does not match ${pattern}`);
  if (problems.length > 0) throw new Error(`${problems.join(', ')}:\n${r.stderr}`);
}
