import { randomBytes } from 'node:crypto';

/**
 * Numbers a device's uplinks as firmware does: a boot id and a counter. The platform drops a msgId it
 * has already handled, so a device that restarts must not count from 1 again under the same name;
 * the boot id keeps ids unique across restarts.
 */
export class MsgIdSequence {
  private count = 0;

  constructor(private readonly prefix: string = MsgIdSequence.bootId()) {}

  /** A fresh boot id: the time in base 36 and a random suffix, so two boots in one millisecond differ. */
  static bootId(): string {
    return `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  }

  next(): string {
    this.count += 1;
    return `${this.prefix}-${this.count}`;
  }
}
