/**
 * Simulated time that runs `speed` times faster than real time from `startMs`, so that a demo day
 * can pass in minutes (speed 60: an hour a minute; 1440: a day a minute).
 */
export class SimClock {
  private readonly realStartMs: number;

  constructor(
    readonly startMs: number,
    readonly speed: number,
    /** Real elapsed milliseconds; monotonic, so a wall-clock jump does not jump the simulation. */
    private readonly realNowMs: () => number = () => performance.now(),
  ) {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number, got ${speed}`);
    this.realStartMs = realNowMs();
  }

  /** Simulated epoch ms now. */
  now(): number {
    return this.startMs + (this.realNowMs() - this.realStartMs) * this.speed;
  }
}
