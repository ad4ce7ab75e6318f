/** How a pass went for each of its devices: the error of each device it failed, none for the ones it applied. */
export type PassFailures = ReadonlyMap<string, unknown>;

/** Runs one pass over the work of several devices, each device once. */
export type RunPass<T> = (work: ReadonlyMap<string, T[]>) => Promise<PassFailures>;

interface Pending<T> {
  items: T[];
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * Gathers the work of many devices into passes: what comes for devices while passes run waits, and the next pass
 * takes all of it at once, up to `maxDevices` devices, so a backlog is applied in few large passes instead of one
 * per job. A device is in at most one running pass, and its work goes into passes in the order it came; the work of
 * different devices runs in up to `maxPasses` passes at once.
 */
export class DevicePasses<T> {
  private readonly pending = new Map<string, Pending<T>>();
  private readonly running = new Set<string>();
  private passes = 0;

  constructor(
    private readonly runPass: RunPass<T>,
    private readonly maxDevices: number,
    private readonly maxPasses: number,
  ) {}

  /** Resolves once a pass has applied every device's work, and rejects with the first device's failure. */
  async apply(work: ReadonlyMap<string, T[]>): Promise<void> {
    const done = [...work].map(
      ([deviceId, items]) =>
        new Promise<void>((resolve, reject) => {
          const pending = this.pending.get(deviceId) ?? { items: [], waiters: [] };
          pending.items.push(...items);
          pending.waiters.push({ resolve, reject });
          this.pending.set(deviceId, pending);
        }),
    );
    this.pump();
    await Promise.all(done);
  }

  private pump(): void {
    while (this.passes < this.maxPasses) {
      const taken = new Map<string, Pending<T>>();
      for (const [deviceId, pending] of this.pending) {
        if (taken.size === this.maxDevices) break;
        if (this.running.has(deviceId)) continue;
        taken.set(deviceId, pending);
      }
      if (taken.size === 0) return;
      for (const deviceId of taken.keys()) {
        this.pending.delete(deviceId);
        this.running.add(deviceId);
      }
      this.passes++;
      void this.run(taken);
    }
  }

  private async run(taken: Map<string, Pending<T>>): Promise<void> {
    let failures: PassFailures;
    try {
      failures = await this.runPass(new Map([...taken].map(([deviceId, { items }]) => [deviceId, items])));
    } catch (error) {
      failures = new Map([...taken.keys()].map((deviceId) => [deviceId, error]));
    }
    for (const [deviceId, { waiters }] of taken) {
      this.running.delete(deviceId);
      const failed = failures.has(deviceId);
      for (const waiter of waiters) {
        if (failed) waiter.reject(failures.get(deviceId));
        else waiter.resolve();
      }
    }
    this.passes--;
    this.pump();
  }
}
