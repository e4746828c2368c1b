/**
 * Runs the Python oracle (nielsen.py, our transcription of the book's
 * network.py and network2.py) from tests. python3 with numpy is required:
 * when missing, requirePython() throws so the tests fail loudly instead of
 * being skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ORACLE = join(dirname(fileURLToPath(import.meta.url)), 'nielsen.py');
const PYTHON = process.env.PYTHON ?? 'python3';

function run(args: string[]): { status: number | null; stdout: string; stderr: string; error?: Error } {
  const r = spawnSync(PYTHON, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

let pythonVersion: string | null = null;

/** Throws a clear error unless python3 can import numpy; returns "python numpy" versions. */
export function requirePython(): string {
  if (pythonVersion !== null) return pythonVersion;
  const r = run(['-c', 'import numpy, sys; print(sys.version.split()[0], numpy.__version__)']);
  if (r.error || r.status !== 0) {
    throw new Error(
      `The Python oracle tests need ${PYTHON} with numpy (apt-get install python3-numpy, or pip install numpy). ` +
        `Running "${PYTHON} -c 'import numpy'" failed: ${r.error?.message ?? r.stderr.trim()}`,
    );
  }
  pythonVersion = r.stdout.trim();
  return pythonVersion;
}

/** Runs nielsen.py with the given arguments and returns its standard output. */
export function oracle(...args: string[]): string {
  requirePython();
  const r = run([ORACLE, ...args]);
  if (r.error || r.status !== 0) {
    throw new Error(`nielsen.py ${args.join(' ')} failed (exit ${r.status}): ${r.error?.message ?? r.stderr.trim()}`);
  }
  return r.stdout;
}

export interface OracleData {
  x: number[][];
  y: number[][];
}

/** Outputs of the network in netPath for each example in dataPath. */
export function oraclePredict(netPath: string, dataPath: string): number[][] {
  return (JSON.parse(oracle('predict', netPath, dataPath)) as { outputs: number[][] }).outputs;
}

/** A scratch directory removed by the returned cleanup. */
export function scratchDir(): { dir: string; file: (name: string, content?: unknown) => string; read: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'neuroloom-oracle-'));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      if (content !== undefined) writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    },
    read: (name) => readFileSync(join(dir, name), 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
