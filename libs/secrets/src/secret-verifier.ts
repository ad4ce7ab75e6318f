import { verifySecret } from './secret-hash';

/** Who goes first when verifications wait: `known` (a login that succeeded from there before) before `other`. */
export type VerificationPriority = 'known' | 'other';

/**
 * Verifies secrets at most `maxConcurrent` at a time. scrypt runs on libuv's thread pool (four threads unless
 * UV_THREADPOOL_SIZE says otherwise), which it shares with every other caller of the process: one verifier per kind
 * of login, each holding fewer threads than the pool has, keeps a burst of one kind (wrong device passwords) from
 * starving the others (web sign-ins), and `known` logins pass the `other`s that wait.
 */
export class SecretVerifier {
  private running = 0;
  private readonly waiting: Record<VerificationPriority, (() => void)[]> = { known: [], other: [] };

  constructor(
    private readonly maxConcurrent: number,
    private readonly verify: (secret: string, stored: string) => Promise<boolean> = verifySecret,
  ) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) throw new RangeError('maxConcurrent must be >= 1');
  }

  /** Waiting verifications, for metrics and tests. */
  get queued(): number {
    return this.waiting.known.length + this.waiting.other.length;
  }

  async check(secret: string, stored: string, priority: VerificationPriority = 'other'): Promise<boolean> {
    await this.turn(priority);
    try {
      return await this.verify(secret, stored);
    } finally {
      this.running--;
      this.next();
    }
  }

  private turn(priority: VerificationPriority): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting[priority].push(resolve));
  }

  private next(): void {
    const start = this.waiting.known.shift() ?? this.waiting.other.shift();
    if (!start) return;
    this.running++;
    start();
  }
}
