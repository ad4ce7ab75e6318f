import type { DeviceListItem } from '@eldercare/contracts';

export type DeviceState = 'retired' | 'online' | 'offline';

/** A retired device is neither online nor offline: it is out of service. */
export function deviceState(device: Pick<DeviceListItem, 'status' | 'retiredAt' | 'online'>): DeviceState {
  if (device.status === 'retired' || device.retiredAt !== null) return 'retired';
  return device.online ? 'online' : 'offline';
}
