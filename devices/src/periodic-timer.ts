/** A firmware interval timer on simulated time: fires every `periodMs`, re-timed by `config` downlinks. */
export class PeriodicTimer {
  private lastAtMs: number;

  constructor(
    /** Whole milliseconds. */
    private periodMs: number,
    /** When it fires first; models pick a random phase so that a fleet does not report in step. */
    firstAtMs: number,
  ) {
    // Uplink timestamps are whole milliseconds.
    this.lastAtMs = Math.round(firstAtMs) - periodMs;
  }

  get nextAtMs(): number {
    return this.lastAtMs + this.periodMs;
  }

  /** Marks the due firing done. */
  fire(): void {
    this.lastAtMs = this.nextAtMs;
  }

  /** Takes a new period at `atMs`: the next firing is a new period after the last, but never in the past. */
  retime(periodMs: number, atMs: number): void {
    this.periodMs = periodMs;
    if (this.nextAtMs < atMs) this.lastAtMs = Math.round(atMs) - periodMs;
  }
}
