import type { RuleProgress } from '@eldercare/domain';

/** Devices remembered at most; the least recently seen is forgotten first. */
const DEVICES_REMEMBERED = 20_000;

/**
 * What this process last saw committed of each device's rule progress (the last event applied, the last time heard),
 * for the devices it served most recently. Both only move forward, so what is kept here may lag behind the database
 * but never runs ahead of it: an event settled against it is settled.
 */
export class DeviceProgress {
  private readonly known = new Map<string, RuleProgress>();

  constructor(private readonly capacity = DEVICES_REMEMBERED) {}

  of(deviceId: string): RuleProgress | undefined {
    return this.known.get(deviceId);
  }

  /** Remembers a state read or written in a committed transaction. */
  saw(deviceId: string, { lastApplied, lastHeardAt }: RuleProgress): void {
    this.known.delete(deviceId);
    this.known.set(deviceId, { lastApplied, lastHeardAt });
    if (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value!);
  }
}
