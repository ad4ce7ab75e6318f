import type { DeviceType, Uplink } from '@eldercare/protocol';

/** One stored device message, handed from the gateway to the worker on the `device-events` queue. */
export interface DeviceEventJob {
  /** Primary key of the stored `device_messages` row. */
  eventId: string;
  deviceId: string;
  deviceType: DeviceType;
  /** The elder the device serves when it was received, if assigned. */
  elderId: string | null;
  uplink: Uplink;
  /** Device time when trusted, otherwise the receive time (ISO 8601). */
  occurredAt: string;
  receivedAt: string;
  storedAt: string;
}

/**
 * Job ids make queueing idempotent: a message redelivered by the broker after a crash maps to the same stored
 * row, hence the same job id, and BullMQ refuses a second job while the first is kept.
 */
export function deviceEventJobId(eventId: string): string {
  return `device-event-${eventId}`;
}
