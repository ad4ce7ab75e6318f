import { isAcknowledgedKind, type Downlink, type Uplink } from './protocol-shim';

/**
 * Repeats an sos or a fall, same msgId, every `intervalMs` until the platform answers it (device protocol v1: the
 * broker's PUBACK only says the broker has it; `ack` with `received` says the platform stored it). Any ack of the
 * msgId ends the repeats: `help-coming` and `resolved` come only after `received`.
 */
export class AlarmRepeater {
  private readonly repeating = new Map<string, NodeJS.Timeout>();

  /** @param intervalMs 0 never repeats. */
  constructor(
    private readonly intervalMs: number,
    private readonly republish: (uplink: Uplink) => Promise<void>,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Starts repeating `uplink` if it is an sos or a fall not yet answered nor already repeating. */
  watch(uplink: Uplink): void {
    if (this.intervalMs === 0 || !isAcknowledgedKind(uplink.kind) || this.repeating.has(uplink.msgId)) return;
    const timer = setInterval(() => this.republish(uplink).catch(this.onError), this.intervalMs);
    this.repeating.set(uplink.msgId, timer);
  }

  /** Stops repeating the uplink a downlink acknowledges. */
  heard(downlink: Downlink): void {
    if (downlink.kind !== 'ack') return;
    clearInterval(this.repeating.get(downlink.ref));
    this.repeating.delete(downlink.ref);
  }

  /** The msgIds still being repeated, oldest first. */
  get unanswered(): string[] {
    return [...this.repeating.keys()];
  }

  stop(): void {
    for (const timer of this.repeating.values()) clearInterval(timer);
    this.repeating.clear();
  }
}
