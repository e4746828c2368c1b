/**
 * The training supervisor with real child processes standing in for
 * Electron's utility processes: crashes reported within a second, restarts
 * capped, a silent process not waited for, and the process ended with its
 * window.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainerSupervisor, type WorkerProcessLike } from '../../electron/main/training/supervisor';
import type { ControlToWorker } from '../../electron/training/control';
import { describeExit } from '../../electron/shared/trainer-exit';

const CHILD = fileURLToPath(new URL('./fixtures/utility-child.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** A Node child dressed as Electron's UtilityProcess (which reports an exit code only). */
function forkChild(mode = 'normal'): WorkerProcessLike & { child: ChildProcess } {
  const child = fork(CHILD, [mode], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(child);
  return {
    child,
    postMessage: (message) => void (child.connected && child.send(message)),
    on: ((event: 'message' | 'exit', listener: (value: unknown) => void) =>
      event === 'message' ? child.on('message', listener) : child.on('exit', (code, signal) => listener(code ?? (signal === 'SIGKILL' ? 137 : 143)))) as WorkerProcessLike['on'],
    kill: () => child.kill('SIGTERM'),
  };
}

function supervisor(options: { mode?: string; readyTimeoutMs?: number; now?: () => number } = {}) {
  const forked: ReturnType<typeof forkChild>[] = [];
  const reports: { message: string; at: number }[] = [];
  const delivered: [unknown, number][] = [];
  const s = new TrainerSupervisor<string>({
    fork: () => {
      const p = forkChild(options.mode);
      forked.push(p);
      return p;
    },
    createChannel: () => ({ port1: 'worker-end', port2: 'renderer-end' }),
    deliverPort: (port, generation) => delivered.push([port, generation]),
    reportExit: (message) => reports.push({ message, at: performance.now() }),
    serviceName: 'neuroloom-trainer-1',
    readyTimeoutMs: options.readyTimeoutMs,
    now: options.now,
  });
  const ready = (p: ReturnType<typeof forkChild>) => new Promise<void>((r) => p.child.once('message', () => r()));
  const waitReport = async (count: number) => {
    const end = Date.now() + 5000;
    while (reports.length < count && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  };
  return { s, forked, reports, delivered, ready, waitReport };
}

describe('training supervisor', () => {
  it('reports a killed process within a second, with the reason Electron gives', async () => {
    const t = supervisor();
    expect(t.s.connect()).toBe(1);
    expect(t.delivered).toEqual([['renderer-end', 1]]);
    await t.ready(t.forked[0]);
    const t0 = performance.now();
    t.forked[0].child.kill('SIGKILL');
    t.s.noteGone('neuroloom-trainer-1-1', 'killed');
    await t.waitReport(1);
    expect(t.reports).toHaveLength(1);
    expect(t.reports[0].message).toMatch(/^The training process was killed, perhaps by the system/);
    expect(t.reports[0].at - t0).toBeLessThan(1000);
    expect(t.s.running).toBe(false);
  });

  it('reports a crash without a reason too (exit code), well within a second', async () => {
    const t = supervisor();
    t.s.connect();
    await t.ready(t.forked[0]);
    const t0 = performance.now();
    t.forked[0].child.kill('SIGKILL');
    await t.waitReport(1);
    expect(t.reports[0].message).toMatch(/^The training process crashed with exit code 137\./);
    expect(t.reports[0].at - t0).toBeLessThan(1000);
    console.info(`supervisor crash report latency: ${(t.reports[0].at - t0).toFixed(0)} ms (includes the 150 ms wait for Electron's reason)`);
  });

  it('caps restarts: after three crashes in a minute connect() refuses with a message, and allows again later', async () => {
    let now = 0;
    const t = supervisor({ now: () => now });
    for (let i = 0; i < 3; i++) {
      t.s.connect();
      await t.ready(t.forked[i]);
      t.forked[i].child.kill('SIGKILL');
      await t.waitReport(i + 1);
      now += 1000;
    }
    expect(() => t.s.connect()).toThrow(/crashed 3 times in the last 60 s, so it is not restarted for now/);
    expect(t.forked).toHaveLength(3);
    now += 60_000;
    expect(t.s.connect()).toBe(4);
    await t.ready(t.forked[3]);
  });

  it('ends a process that never says ready, and says so', async () => {
    const t = supervisor({ mode: 'mute', readyTimeoutMs: 400 });
    t.s.connect();
    await t.waitReport(1);
    expect(t.reports[0].message).toMatch(/\(it did not start within 0\.4 s\)/);
    expect(t.forked[0].child.signalCode).toBe('SIGTERM');
  });

  it('a reconnect or a closed window ends the process on purpose: no report, no crash counted', async () => {
    const t = supervisor();
    t.s.connect();
    await t.ready(t.forked[0]);
    t.s.connect();
    await t.ready(t.forked[1]);
    const exited = new Promise((r) => t.forked[1].child.once('exit', r));
    t.s.dispose();
    await exited;
    await new Promise((r) => setTimeout(r, 300));
    expect(t.forked.map((p) => p.child.signalCode)).toEqual(['SIGTERM', 'SIGTERM']);
    expect(t.reports).toEqual([]);
    expect(t.s.recentCrashes()).toBe(0);
    expect(() => t.s.connect()).toThrow(/closing/);
  });

  it('passes granted data paths to the process, before and after it starts', () => {
    const posted: [ControlToWorker, unknown[] | undefined][] = [];
    const fake: WorkerProcessLike = { postMessage: (m, t) => void posted.push([m, t]), on: () => undefined, kill: () => true };
    const s = new TrainerSupervisor<string>({
      fork: () => fake,
      createChannel: () => ({ port1: 'a', port2: 'b' }),
      deliverPort: () => undefined,
      reportExit: () => undefined,
      serviceName: 'x',
    });
    s.grant(['/data/a.csv']);
    s.connect();
    s.grant(['/data/a.csv', '/data/b.csv']);
    expect(posted).toEqual([
      [{ type: 'grant', paths: ['/data/a.csv'] }, undefined],
      [{ type: 'connect' }, ['a']],
      [{ type: 'grant', paths: ['/data/b.csv'] }, undefined],
    ]);
    s.dispose();
  });

  it('words each kind of exit for a person', () => {
    expect(describeExit({ code: null, signal: null, reason: 'oom' })).toMatch(/^The training process ran out of memory\. Try a smaller/);
    expect(describeExit({ code: 70, signal: null, detail: 'Maximum call stack size exceeded' })).toMatch(/^The training process crashed with exit code 70 \(Maximum call stack size exceeded\)\./);
    expect(describeExit({ code: null, signal: 'SIGSEGV' })).toMatch(/^The training process stopped on signal SIGSEGV\./);
    expect(describeExit({ code: 0, signal: null })).toMatch(/^The training process ended unexpectedly\./);
    expect(describeExit({ code: 1, signal: null, reason: 'launch-failed' })).toMatch(/could not be started/);
  });
});
