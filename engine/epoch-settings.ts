/**
 * Training settings (eta, lambda, the mini-batch size, ...) that change only
 * between epochs: a change asked for mid-epoch waits for the epoch to end,
 * so every mini-batch of an epoch is cut the same way. Both trainers
 * (engine/train.ts, engine/recurrent/trainer.ts) keep theirs in one.
 */
export class EpochSettings<S extends object> {
  private waiting: S | null = null;

  constructor(
    private now: S,
    private readonly check: (s: S) => void,
  ) {
    check(now);
  }

  get current(): S {
    return this.now;
  }

  /** Checks the patched settings at once; they apply now, or when the next epoch starts if one is under way. */
  change(patch: Partial<S>, midEpoch: boolean): void {
    const next = { ...(this.waiting ?? this.now), ...patch };
    this.check(next);
    if (midEpoch) this.waiting = next;
    else this.now = next;
  }

  /** An epoch starts: a change that waited takes effect. */
  startEpoch(): void {
    if (this.waiting) {
      this.now = this.waiting;
      this.waiting = null;
    }
  }
}
