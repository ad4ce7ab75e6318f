import type { DevicePage, DeviceInput, RegisteredDevice } from '@eldercare/contracts';
import { DomainError } from '@eldercare/domain';
import {
  AuditRepository,
  DeviceInventoryRepository,
  DeviceRepository,
  type DeviceInventorySearch,
} from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { toDeviceListItem } from './device-list-item.mapper';
import { DeviceRegistryService } from './device-registry.service';

/**
 * The devices as the console manages them, within the viewer's scope: a device is seen by whoever sees its elder.
 * Registering gives the device its secret (shown this once) and broker account; retiring revokes the account.
 * Both are audited against the elder.
 */
@Injectable()
export class DeviceInventoryService {
  constructor(
    private readonly inventory: DeviceInventoryRepository,
    private readonly devices: DeviceRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly registry: DeviceRegistryService,
    private readonly audit: AuditRepository,
  ) {}

  async search(viewer: Viewer, search: DeviceInventorySearch): Promise<DevicePage> {
    const { devices, total } = await this.inventory.search(viewer.scope, search);
    return { devices: devices.map(toDeviceListItem), total };
  }

  async register(viewer: Viewer, input: DeviceInput): Promise<RegisteredDevice> {
    await this.elderAccess.elderInScope(viewer, input.elderId);
    // Asked first so that the usual case is a refusal, not a failed insert in the log; the registry still refuses a race.
    if (await this.devices.findById(input.id))
      throw new DomainError('device-already-registered', 'a device with this id is registered');
    const [issued] = await this.registry.register([{ id: input.id, type: input.type, elderId: input.elderId }]);
    await this.audit.append({
      userId: viewer.id,
      action: 'device.register',
      elderId: input.elderId,
      subject: `device:${input.id}`,
      detail: { type: input.type },
    });
    return issued;
  }

  async retire(viewer: Viewer, deviceId: string): Promise<void> {
    const device = await this.inventory.findInScope(viewer.scope, deviceId);
    if (!device) throw new DomainError('device-not-found', 'no device with this id is yours to see');
    if (device.status === 'retired')
      throw new DomainError('device-already-retired', `the device was retired at ${device.retiredAt?.toISOString()}`);
    await this.registry.retire(deviceId);
    await this.audit.append({
      userId: viewer.id,
      action: 'device.retire',
      elderId: device.elder?.id ?? null,
      subject: `device:${deviceId}`,
    });
  }
}
