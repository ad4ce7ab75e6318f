import { deviceGrants } from '@eldercare/broker';
import type { MqttClient } from 'mqtt';
import { DEVICE_ACCOUNT_TEXTNAME, deviceRoleName, dynsecCommands } from '../../libs/broker/src/dynsec-command.builder';
import { DynsecControlClient } from '../../libs/broker/src/dynsec-control.client';

/**
 * Gives devices broker accounts as the provisioner did when the device grants were at an earlier version: each with a
 * role of its own holding that version's grants. For devices registered before a change of the grants.
 */
export class DeviceRolesOfVersion {
  private readonly control: DynsecControlClient;

  /** @param admin an MQTT connection of the dynamic-security admin; the caller owns it. */
  constructor(admin: MqttClient) {
    this.control = new DynsecControlClient(admin);
  }

  async provision(devices: readonly { deviceId: string; secret: string }[], version: number): Promise<void> {
    const responses = await this.control.execute(
      devices.flatMap(({ deviceId, secret }) => [
        dynsecCommands.createRole(deviceRoleName(deviceId), deviceGrants(deviceId, version)),
        dynsecCommands.createClient({
          username: deviceId,
          clientid: deviceId,
          password: secret,
          rolename: deviceRoleName(deviceId),
          textname: DEVICE_ACCOUNT_TEXTNAME,
        }),
      ]),
    );
    const refused = responses.filter(({ error }) => error !== undefined);
    if (refused.length > 0) throw new Error(`provisioning at grants version ${version}: ${JSON.stringify(refused)}`);
  }
}
