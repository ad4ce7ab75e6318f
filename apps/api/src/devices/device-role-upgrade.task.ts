import { DeviceBrokerRoleRepository } from '@eldercare/persistence';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DEVICE_PROVISIONING, type DeviceProvisioning } from './device-provisioning';
import { DeviceRoleUpgrade } from './device-role-upgrade';

/**
 * On start, with a broker that keeps device roles (Mosquitto with its admin configured), brings the roles of devices
 * registered under older grants up to date in the background; the api serves meanwhile. Stopped between rounds on
 * shutdown, before the admin connection closes.
 */
@Injectable()
export class DeviceRoleUpgradeTask implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeviceRoleUpgradeTask.name);
  private readonly stop = new AbortController();
  private running?: Promise<void>;

  constructor(
    private readonly roles: DeviceBrokerRoleRepository,
    @Inject(DEVICE_PROVISIONING) private readonly provisioning: DeviceProvisioning,
  ) {}

  onApplicationBootstrap(): void {
    const upgradeDeviceRoles = this.provisioning.upgradeDeviceRoles?.bind(this.provisioning);
    if (!upgradeDeviceRoles) return;
    const upgrade = new DeviceRoleUpgrade(this.roles, upgradeDeviceRoles, this.logger);
    this.running = upgrade
      .run(this.stop.signal)
      .then(() => undefined)
      .catch((error: Error) => this.logger.error(`device roles: upgrade pass failed: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }
}
