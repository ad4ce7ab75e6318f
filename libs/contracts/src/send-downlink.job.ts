import type { Downlink } from '@eldercare/protocol';

/** A downlink to publish on the device's `down` topic; the gateway holds the broker connection and sends it. */
export interface SendDownlinkJob {
  deviceId: string;
  downlink: Downlink;
}

/** Every downlink has its own msgId: queueing it twice sends it once. */
export function sendDownlinkJobId(job: SendDownlinkJob): string {
  return `downlink-${job.deviceId}-${job.downlink.msgId}`;
}
