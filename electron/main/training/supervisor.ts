/**
 * One window's training process: forked on request, handed one end of a
 * fresh message channel (the renderer gets the other, so progress goes
 * straight from worker to renderer), watched, and ended with its window.
 * Electron's APIs come in as parameters; tests drive this with Node child
 * processes.
 */
import { InputError } from '../../../engine/errors';
import { controlFromWorkerSchema, type ControlToWorker } from '../../training/control';
import { describeExit, type ExitReason } from '../../shared/trainer-exit';

/** The parts of Electron's UtilityProcess the supervisor uses. */
export interface WorkerProcessLike {
  postMessage(message: ControlToWorker, transfer?: unknown[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface SupervisorOptions<P> {
  /** utilityProcess.fork of the training entry, with this service name. */
  fork(serviceName: string): WorkerProcessLike;
  /** new MessageChannelMain(). */
  createChannel(): { port1: P; port2: P };
  /** Hands the renderer its end (webContents.postMessage). */
  deliverPort(port: P, generation: number): void;
  /** Tells the renderer, in words, that the process ended unexpectedly. */
  reportExit(message: string): void;
  /** Prefix of each process's service name; the generation is appended. */
  serviceName: string;
  /** Crashes allowed within crashWindowMs before connect() refuses (default 3 in 60 s). */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** A worker that has not said "ready" by then is ended and reported (default 15 s). */
  readyTimeoutMs?: number;
  /** How long an exit waits for Electron's child-process-gone reason (default 150 ms). */
  reasonGraceMs?: number;
  now?: () => number;
}

interface Running {
  process: WorkerProcessLike;
  generation: number;
  serviceName: string;
  ready: boolean;
  intended: boolean;
  reason?: ExitReason;
  fatal?: string;
  readyTimer?: ReturnType<typeof setTimeout>;
}

export class TrainerSupervisor<P> {
  private current: Running | null = null;
  private generation = 0;
  private readonly granted = new Set<string>();
  private readonly crashes: number[] = [];
  private disposed = false;
  private readonly opts: Required<Omit<SupervisorOptions<P>, 'now'>> & { now: () => number };

  constructor(options: SupervisorOptions<P>) {
    this.opts = {
      ...options,
      maxCrashes: options.maxCrashes ?? 3,
      crashWindowMs: options.crashWindowMs ?? 60_000,
      readyTimeoutMs: options.readyTimeoutMs ?? 15_000,
      reasonGraceMs: options.reasonGraceMs ?? 150,
      now: options.now ?? (() => Date.now()),
    };
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Crashes counted against the restart cap right now. */
  recentCrashes(): number {
    const since = this.opts.now() - this.opts.crashWindowMs;
    while (this.crashes.length > 0 && this.crashes[0] < since) this.crashes.shift();
    return this.crashes.length;
  }

  /** Ends any process before, starts a fresh one, and answers its generation. */
  connect(): number {
    if (this.disposed) throw new InputError('this window is closing');
    if (this.recentCrashes() >= this.opts.maxCrashes) {
      throw new InputError(
        `The training process crashed ${this.crashes.length} times in the last ${seconds(this.opts.crashWindowMs)}, so it is not restarted for now. Save your work; try again later or restart Neuroloom.`,
      );
    }
    this.stop();
    const generation = ++this.generation;
    const serviceName = `${this.opts.serviceName}-${generation}`;
    const process = this.opts.fork(serviceName);
    const running: Running = { process, generation, serviceName, ready: false, intended: false };
    this.current = running;
    process.on('message', (raw) => {
      const parsed = controlFromWorkerSchema.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.type === 'ready') {
        running.ready = true;
        clearTimeout(running.readyTimer);
      } else running.fatal = parsed.data.message;
    });
    process.on('exit', (code) => this.exited(running, code));
    running.readyTimer = setTimeout(() => {
      if (running.ready || running.intended) return;
      running.fatal = `it did not start within ${seconds(this.opts.readyTimeoutMs)}`;
      running.process.kill();
    }, this.opts.readyTimeoutMs);

    if (this.granted.size > 0) process.postMessage({ type: 'grant', paths: [...this.granted] });
    const { port1, port2 } = this.opts.createChannel();
    process.postMessage({ type: 'connect' }, [port1]);
    this.opts.deliverPort(port2, generation);
    return generation;
  }

  /** Data files the user chose: the worker reads only these. */
  grant(paths: readonly string[]): void {
    const fresh = paths.filter((p) => !this.granted.has(p));
    if (fresh.length === 0) return;
    for (const p of fresh) this.granted.add(p);
    this.current?.process.postMessage({ type: 'grant', paths: fresh });
  }

  /** Electron's app 'child-process-gone' for one of our service names. */
  noteGone(serviceName: string, reason: ExitReason): void {
    if (this.current?.serviceName === serviceName) this.current.reason = reason;
  }

  /** Ends the process on purpose: no report, no crash counted. */
  stop(): void {
    const running = this.current;
    if (!running) return;
    running.intended = true;
    clearTimeout(running.readyTimer);
    this.current = null;
    running.process.kill();
  }

  /** The window closed. */
  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private exited(running: Running, code: number): void {
    clearTimeout(running.readyTimer);
    if (this.current === running) this.current = null;
    if (running.intended || this.disposed) return;
    this.crashes.push(this.opts.now());
    // Electron's child-process-gone (with the reason: killed, oom, crashed)
    // may come just after 'exit'; wait a moment for it, well within a second.
    setTimeout(() => {
      if (this.disposed) return;
      this.opts.reportExit(describeExit({ code, signal: null, reason: running.reason, detail: running.fatal }));
    }, running.reason ? 0 : this.opts.reasonGraceMs);
  }
}

function seconds(ms: number): string {
  return ms < 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
