/** A device went online or offline (its `status` topic; offline is also its last will), gateway to worker. */
export interface DeviceStatusJob {
  deviceId: string;
  elderId: string | null;
  online: boolean;
  receivedAt: string;
}

/** One job per status message: the broker's redelivery of the same message maps to the same id. */
export function deviceStatusJobId(deviceId: string, receivedAt: Date): string {
  return `device-status-${deviceId}-${receivedAt.getTime()}`;
}
