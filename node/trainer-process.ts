/**
 * The trainer host behind child_process.fork, for tests and the CLI: the
 * same connection shape the renderer gets (post / onEvent / dispose), plus
 * `next()` to await an event. An exit that nobody asked for becomes an
 * `error` event with a readable message and a `failed` status, and every
 * pending `next()` is rejected with that message, so nothing waits forever.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TrainerEvent, TrainerRequest } from '../engine/protocol/messages';
import { describeExit, type ProcessExit } from '../electron/shared/trainer-exit';

export interface ForkTrainerOptions {
  /** Default: node/fork-entry.ts run through tsx. */
  entry?: string;
  execArgv?: string[];
  /** Default: 'ignore' for stdout, inherit stderr. */
  silent?: boolean;
}

type EventOf<T extends TrainerEvent['type']> = Extract<TrainerEvent, { type: T }>;

interface Waiter {
  test(event: TrainerEvent): boolean;
  resolve(event: TrainerEvent): void;
  reject(error: Error): void;
}

export class TrainerProcess {
  readonly child: ChildProcess;
  /** Every event so far, in order. */
  readonly events: TrainerEvent[] = [];
  /** Set once the process has gone, whoever ended it. */
  exit: ProcessExit | null = null;
  private readonly handlers = new Set<(event: TrainerEvent) => void>();
  private readonly waiters = new Set<Waiter>();
  private readonly exited: Promise<ProcessExit>;
  private disposing = false;

  constructor(options: ForkTrainerOptions = {}) {
    const entry = options.entry ?? fileURLToPath(new URL('./fork-entry.ts', import.meta.url));
    this.child = fork(entry, [], {
      execArgv: options.execArgv ?? ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', options.silent === false ? 'inherit' : 'ignore', 'inherit', 'ipc'],
    });
    this.child.on('message', (message) => this.emit(message as TrainerEvent));
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        const exit: ProcessExit = { code, signal };
        this.exit = exit;
        if (!this.disposing) {
          const message = describeExit(exit);
          this.emit({ type: 'error', message });
          this.emit({ type: 'status', status: 'failed', message });
        }
        const reason = new Error(this.disposing ? 'the training process was closed' : describeExit(exit));
        for (const w of this.waiters) w.reject(reason);
        this.waiters.clear();
        resolve(exit);
      });
    });
    // A fork that cannot start (a missing entry) is reported like any other exit.
    this.child.on('error', () => undefined);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends a request; `unknown` so tests can send malformed ones. Dropped once the process has gone. */
  post(request: TrainerRequest | unknown): void {
    if (this.exit || !this.child.connected) return;
    this.child.send(request as object);
  }

  onEvent(handler: (event: TrainerEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** The first event of this type (already received or to come) that passes `where`. */
  next<T extends TrainerEvent['type']>(type: T, where: (event: EventOf<T>) => boolean = () => true, timeoutMs = 20_000): Promise<EventOf<T>> {
    const test = (e: TrainerEvent): boolean => e.type === type && where(e as EventOf<T>);
    const seen = this.events.find(test);
    if (seen) return Promise.resolve(seen as EventOf<T>);
    if (this.exit) return Promise.reject(new Error(describeExit(this.exit)));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e as EventOf<T>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no "${type}" event from the training process within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Resolves when the process has gone. */
  whenExited(): Promise<ProcessExit> {
    return this.exited;
  }

  /** Ends the process on purpose (no error event); SIGKILL if it has not gone within 2 s. */
  async dispose(): Promise<ProcessExit> {
    if (!this.exit) {
      this.disposing = true;
      this.child.kill('SIGTERM');
      const force = setTimeout(() => this.child.kill('SIGKILL'), 2000);
      void this.exited.then(() => clearTimeout(force));
    }
    return this.exited;
  }

  private emit(event: TrainerEvent): void {
    this.events.push(event);
    for (const handler of this.handlers) handler(event);
    for (const w of [...this.waiters]) {
      if (w.test(event)) {
        this.waiters.delete(w);
        w.resolve(event);
      }
    }
  }
}

export function forkTrainer(options: ForkTrainerOptions = {}): TrainerProcess {
  return new TrainerProcess(options);
}
