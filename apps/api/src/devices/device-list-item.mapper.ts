import type { DeviceListItem } from '@eldercare/contracts';
import type { DeviceInventoryRecord } from '@eldercare/persistence';

export function toDeviceListItem(device: DeviceInventoryRecord): DeviceListItem {
  return {
    id: device.id,
    type: device.type,
    status: device.status,
    online: device.online,
    lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
    battery: device.battery,
    registeredAt: device.registeredAt.toISOString(),
    retiredAt: device.retiredAt?.toISOString() ?? null,
    elder: device.elder,
  };
}
