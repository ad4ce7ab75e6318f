export interface BatcherOptions {
  /** Flush as soon as this many messages wait. */
  maxSize: number;
  /** Flush at the latest this long after the first message of a batch arrived; 0 stores what waits at once. */
  windowMs: number;
  /** Wait before retrying a batch that failed to store; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  onRetry?: (error: unknown, attempt: number) => void;
}

interface Pending<T> {
  item: T;
  stored: () => void;
}

/**
 * Groups incoming messages into batches and hands each to `store`. The promise `submit` returns resolves only
 * once the message's batch was stored, which is when the caller may acknowledge it to the broker. A failed batch
 * is retried (it must not be acknowledged, and nothing else may overtake it). One batch is stored at a time, so
 * batches are stored in arrival order; messages that must not wait behind others get a batcher of their own.
 */
export class UplinkBatcher<T> {
  private waiting: Pending<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private storing: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: (items: T[]) => Promise<void>,
    private readonly options: BatcherOptions,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((stored) => {
      this.waiting.push({ item, stored });
      this.flushSoon(this.nextDelay());
    });
  }

  /** Stores what waits now and resolves when everything submitted so far is stored (or the batcher stops). */
  async drain(): Promise<void> {
    while (!this.stopped && (this.waiting.length > 0 || this.storing)) {
      if (!this.storing) this.flushNow();
      await this.storing;
    }
  }

  /** Stops retrying; messages not yet stored stay unacknowledged and the broker redelivers them. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private nextDelay(): number {
    return this.waiting.length >= this.options.maxSize ? 0 : this.options.windowMs;
  }

  private flushSoon(delayMs: number): void {
    if (this.storing) return; // the running batch schedules the next one when it completes
    if (this.timer && delayMs > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flushNow(), delayMs);
  }

  private flushNow(): void {
    this.timer = undefined;
    if (this.stopped || this.storing || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, this.options.maxSize);
    this.storing = this.storeWithRetry(batch.map((pending) => pending.item)).then(() => {
      this.storing = undefined;
      if (this.stopped) return;
      for (const pending of batch) pending.stored();
      if (this.waiting.length > 0) this.flushSoon(this.nextDelay());
    });
  }

  private async storeWithRetry(items: T[]): Promise<void> {
    let delay = this.options.retryDelayMs ?? 100;
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.store(items);
        return;
      } catch (error) {
        this.options.onRetry?.(error, attempt);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, this.options.maxRetryDelayMs ?? 5_000);
      }
    }
  }
}
