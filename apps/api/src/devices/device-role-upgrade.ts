import { DEVICE_GRANTS_VERSION, type RoleUpgradeResult } from '@eldercare/broker';
import type { DeviceBrokerRoleRepository } from '@eldercare/persistence';
import type { DeviceProvisioning } from './device-provisioning';

/**
 * Devices per round. Each lacks one ACL at version 1, so a round is one `$CONTROL` message of 10 commands, the size
 * the provisioner sends: Mosquitto rewrites its whole file per command and serves nobody else meanwhile
 * (bench/provision-mosquitto.bench.ts), so small messages keep devices' own messages flowing between rounds.
 */
export const ROLES_PER_ROUND = 10;

export interface RoleUpgradeLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RoleUpgradePass {
  /** False when another process was upgrading: this one did nothing. */
  ran: boolean;
  upgraded: number;
  failed: number;
  /** Behind and not attempted: the broker stopped answering, or the pass was stopped. */
  left: number;
}

/**
 * Brings the broker roles of the devices in service up to the current device grants (`DEVICE_GRANTS_VERSION`), and
 * records each device's version once the broker has confirmed its role. One process at a time; a device that fails
 * stays behind for the next pass, and so does everything after a round the broker did not answer.
 */
export class DeviceRoleUpgrade {
  constructor(
    private readonly roles: DeviceBrokerRoleRepository,
    private readonly upgradeDeviceRoles: Required<DeviceProvisioning>['upgradeDeviceRoles'],
    private readonly logger: RoleUpgradeLogger,
  ) {}

  /** One pass over the devices behind; `signal` stops it between rounds. */
  async run(signal?: AbortSignal): Promise<RoleUpgradePass> {
    const pass: RoleUpgradePass = { ran: false, upgraded: 0, failed: 0, left: 0 };
    pass.ran = await this.roles.runAlone(async () => {
      pass.left = await this.roles.countBehind(DEVICE_GRANTS_VERSION);
      if (pass.left === 0) return;
      this.logger.log(`${pass.left} device roles behind grants version ${DEVICE_GRANTS_VERSION}: upgrading`);
      let afterId = '';
      while (!signal?.aborted) {
        const round = await this.roles.findBehind(DEVICE_GRANTS_VERSION, afterId, ROLES_PER_ROUND);
        if (round.length === 0) break;
        afterId = round[round.length - 1].deviceId;
        let result: RoleUpgradeResult;
        try {
          result = await this.upgradeDeviceRoles(round);
        } catch (error) {
          const ids = round.map(({ deviceId }) => deviceId).join(', ');
          this.logger.error(`device roles not upgraded (${ids}), stopping until the next start: ${String(error)}`);
          return;
        }
        await this.roles.markUpgraded(result.upgraded, DEVICE_GRANTS_VERSION);
        for (const { subject, error } of result.failures)
          this.logger.warn(`device ${subject}: role not upgraded: ${error}`);
        pass.upgraded += result.upgraded.length;
        pass.failed += round.length - result.upgraded.length;
        pass.left = Math.max(0, pass.left - round.length);
        this.logger.log(`device roles: ${pass.upgraded} upgraded, ${pass.failed} failed, ${pass.left} left`);
      }
    });
    if (!pass.ran) this.logger.log('device roles: another api instance is upgrading them');
    return pass;
  }
}
