import type { DeviceType, Uplink } from '@eldercare/protocol';

/**
 * One stored device message, handed from the gateway to the worker: an alarm (sos, fall, cancel) on `device-alarms`,
 * anything else on `device-events`.
 */
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
 * Job ids make queueing idempotent: a message redelivered by the broker after a crash, or retransmitted by the
 * device, has the same device and msgId, hence the same job id, and BullMQ refuses a second job while the first is
 * kept. Not the row id: a database restored or rebuilt under a Redis that kept its jobs would reuse row ids, and
 * new messages would be taken for old ones. msgId is encoded because BullMQ gives `:` a meaning in job ids.
 */
export function deviceEventJobId(event: Pick<DeviceEventJob, 'deviceId' | 'uplink'>): string {
  return `device-event-${event.deviceId}-${Buffer.from(event.uplink.msgId).toString('base64url')}`;
}

/**
 * The readings one gateway batch stored, gateway to worker on `device-events`: one job for the batch instead of one
 * per reading. The worker applies each device's stored messages in device time from its rule state on, so a job
 * queued twice (a batch redelivered after a crash, cut differently) applies nothing twice.
 */
export interface DeviceReadingsJob {
  readings: DeviceEventJob[];
}
