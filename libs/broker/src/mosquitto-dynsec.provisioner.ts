import { isValidDeviceId } from '@eldercare/protocol';
import type { MqttClient } from 'mqtt';
import { SERVICE_GRANTS, deviceGrants, deviceGrantsAddedSince, isDeviceGrantsVersion } from './broker-access.rule';
import {
  DEVICE_ACCOUNT_TEXTNAME,
  SERVICE_ACCOUNT_TEXTNAME,
  SERVICE_ROLE,
  type DynsecCommand,
  deviceRoleName,
  dynsecCommands,
} from './dynsec-command.builder';
import { type DynsecControlOptions, DynsecControlClient, type DynsecResponse } from './dynsec-control.client';
import { DynsecError, type DynsecFailure } from './dynsec.error';

export interface DeviceAccount {
  deviceId: string;
  /** The device secret in clear; Mosquitto stores its own salted hash of it. */
  secret: string;
}

export interface ProvisioningResult {
  created: number;
  /** Devices that already had an account: their password, client id and role were set again. */
  updated: number;
}

/** A device's role on the broker, and the version of the device grants it holds (see `DEVICE_GRANTS_VERSION`). */
export interface DeviceRole {
  deviceId: string;
  grantsVersion: number;
}

export interface RoleUpgradeResult {
  /** The devices whose roles now hold the current grants. */
  upgraded: string[];
  /** One per device left as it was or partly upgraded, `subject` being the device id. */
  failures: DynsecFailure[];
}

const ACL_ALREADY_EXISTS = 'ACL with this topic already exists';

/** A command, and the refusals that mean "already as wanted" for it. */
interface Step {
  command: DynsecCommand;
  alreadyDone?: string;
}

/**
 * Keeps Mosquitto's dynamic-security accounts in line with the device registry: one account and one
 * role per device (username = client id = device id), and the platform's service account.
 * Commands travel several to a `$CONTROL` message (see `DynsecControlOptions.chunkSize`). Every
 * method is idempotent, and modifies or deletes only accounts that the platform created (marked by
 * their text name), so a device id can never clobber the admin or another application's account.
 */
export class MosquittoDynsecProvisioner {
  private readonly control: DynsecControlClient;

  /** @param admin an MQTT connection logged in as the dynamic-security admin; the caller owns it. */
  constructor(admin: MqttClient, options: DynsecControlOptions = {}) {
    this.control = new DynsecControlClient(admin, options);
  }

  /**
   * Creates or updates the service account and its role (subscribe to every device's `up` and
   * `status`, plainly or shared; publish to every device's `down`). Setting the password of an
   * existing account makes Mosquitto disconnect its live connections: run it on deployment, not
   * on every gateway start.
   */
  async ensureServiceAccount(username: string, password: string): Promise<void> {
    if (!username || !password)
      throw new DynsecError('dynsec-invalid-request', 'the service account needs a username and a password');
    const existing = await this.findAccounts([username]);
    if (existing.has(username) && existing.get(username) !== SERVICE_ACCOUNT_TEXTNAME) {
      throw new DynsecError(
        'dynsec-invalid-request',
        `account ${username} exists and is not the platform's service account`,
      );
    }
    const account = { username, password, rolename: SERVICE_ROLE, textname: SERVICE_ACCOUNT_TEXTNAME };
    await this.runAll(`ensuring service account ${username}`, [
      { command: dynsecCommands.createRole(SERVICE_ROLE, SERVICE_GRANTS), alreadyDone: 'Role already exists' },
      { command: dynsecCommands.modifyRole(SERVICE_ROLE, SERVICE_GRANTS) },
      { command: existing.has(username) ? dynsecCommands.modifyClient(account) : dynsecCommands.createClient(account) },
    ]);
  }

  /**
   * Gives each device an account that may publish only to its own `up` and `status` and subscribe
   * only to its own `down`. A device that already has one gets the new secret. Every device is
   * attempted; failures are thrown together afterwards, and provisioning again is safe.
   */
  async provisionDevices(devices: readonly DeviceAccount[]): Promise<ProvisioningResult> {
    assertDeviceAccounts(devices);
    const existing = await this.findAccounts(devices.map(({ deviceId }) => deviceId));
    const failures: DynsecFailure[] = [];
    const steps: Step[] = [];
    let updated = 0;
    for (const { deviceId, secret } of devices) {
      const rolename = deviceRoleName(deviceId);
      const account = {
        username: deviceId,
        clientid: deviceId,
        password: secret,
        rolename,
        textname: DEVICE_ACCOUNT_TEXTNAME,
      };
      const createRole = {
        command: dynsecCommands.createRole(rolename, deviceGrants(deviceId)),
        alreadyDone: 'Role already exists',
      };
      if (!existing.has(deviceId)) {
        steps.push(createRole, { command: dynsecCommands.createClient(account) });
      } else if (existing.get(deviceId) === DEVICE_ACCOUNT_TEXTNAME) {
        updated++;
        steps.push(
          createRole,
          { command: dynsecCommands.modifyRole(rolename, deviceGrants(deviceId)) },
          { command: dynsecCommands.modifyClient(account) },
        );
      } else {
        failures.push({
          command: 'createClient',
          subject: deviceId,
          error: 'an account with this name exists and is not a device',
        });
      }
    }
    failures.push(...(await this.run(steps)));
    if (failures.length > 0) throw failed(failures, `provisioning ${devices.length} devices`);
    return { created: devices.length - updated, updated };
  }

  /**
   * Adds to each device's role what was granted to devices since the version it holds, so that it holds the current
   * grants, without touching the account or its secret (connected devices stay connected). An ACL the role has
   * already counts as added. Every device is attempted; those refused are returned, not thrown. Throws when the
   * broker does not answer (some ACLs may have been added; upgrading again is safe).
   */
  async upgradeDeviceRoles(roles: readonly DeviceRole[]): Promise<RoleUpgradeResult> {
    for (const { deviceId, grantsVersion } of roles) {
      if (!isValidDeviceId(deviceId))
        throw new DynsecError('dynsec-invalid-request', `not a device id: ${JSON.stringify(deviceId)}`);
      if (!isDeviceGrantsVersion(grantsVersion))
        throw new DynsecError('dynsec-invalid-request', `device ${deviceId} has no grants version ${grantsVersion}`);
    }
    const accounts = await this.findAccounts(roles.map(({ deviceId }) => deviceId));
    const failures: DynsecFailure[] = [];
    const upgrades: { deviceId: string; steps: Step[] }[] = [];
    for (const { deviceId, grantsVersion } of roles) {
      const textname = accounts.get(deviceId);
      if (textname === DEVICE_ACCOUNT_TEXTNAME) {
        const steps = deviceGrantsAddedSince(deviceId, grantsVersion).map((grant) => ({
          command: dynsecCommands.addRoleACL(deviceRoleName(deviceId), grant),
          alreadyDone: ACL_ALREADY_EXISTS,
        }));
        upgrades.push({ deviceId, steps });
      } else {
        const error =
          textname === undefined ? 'the device has no account on the broker' : 'this account is not a device';
        failures.push({ command: 'addRoleACL', subject: deviceId, error });
      }
    }
    const refusals = await this.refusals(upgrades.flatMap(({ steps }) => steps));
    const upgraded: string[] = [];
    for (const { deviceId, steps } of upgrades) {
      const refused = refusals.splice(0, steps.length).filter((refusal) => refusal !== undefined);
      if (refused.length === 0) upgraded.push(deviceId);
      else failures.push(...refused.map((refusal) => ({ ...refusal, subject: deviceId })));
    }
    return { upgraded, failures };
  }

  /** Deletes the device's account and role; Mosquitto disconnects it at once. Revoking twice is fine. */
  async revokeDevice(deviceId: string): Promise<void> {
    if (!isValidDeviceId(deviceId))
      throw new DynsecError('dynsec-invalid-request', `not a device id: ${JSON.stringify(deviceId)}`);
    const textname = (await this.findAccounts([deviceId])).get(deviceId);
    if (textname !== undefined && textname !== DEVICE_ACCOUNT_TEXTNAME) {
      throw new DynsecError('dynsec-invalid-request', `account ${deviceId} is not a device: not deleted`);
    }
    await this.runAll(`revoking device ${deviceId}`, [
      { command: dynsecCommands.deleteClient(deviceId), alreadyDone: 'Client not found' },
      { command: dynsecCommands.deleteRole(deviceRoleName(deviceId)), alreadyDone: 'Role not found' },
    ]);
  }

  /** The existing accounts among `usernames`, with their text names ('' when they have none). Read-only: no file write. */
  private async findAccounts(usernames: readonly string[]): Promise<Map<string, string>> {
    const responses = await this.control.execute(usernames.map((username) => dynsecCommands.getClient(username)));
    const found = new Map<string, string>();
    const failures: DynsecFailure[] = [];
    responses.forEach((response, index) => {
      const client = (response.data as { client?: { textname?: string } } | undefined)?.client;
      if (client) found.set(usernames[index], client.textname ?? '');
      else if (response.error !== 'Client not found') failures.push(failure(response, usernames[index]));
    });
    if (failures.length > 0) throw failed(failures, 'looking up accounts');
    return found;
  }

  private async runAll(doing: string, steps: readonly Step[]): Promise<void> {
    const failures = await this.run(steps);
    if (failures.length > 0) throw failed(failures, doing);
  }

  private async run(steps: readonly Step[]): Promise<DynsecFailure[]> {
    return (await this.refusals(steps)).filter((refusal) => refusal !== undefined);
  }

  /** One entry per step, in order: undefined where the broker did it (or had it done already). */
  private async refusals(steps: readonly Step[]): Promise<(DynsecFailure | undefined)[]> {
    const responses = await this.control.execute(steps.map(({ command }) => command));
    return responses.map((response, index) => {
      const { command, alreadyDone } = steps[index];
      return response.error === undefined || response.error === alreadyDone
        ? undefined
        : failure(response, command.username ?? command.rolename ?? '');
    });
  }
}

function assertDeviceAccounts(devices: readonly DeviceAccount[]): void {
  const seen = new Set<string>();
  for (const { deviceId, secret } of devices) {
    if (!isValidDeviceId(deviceId))
      throw new DynsecError('dynsec-invalid-request', `not a device id: ${JSON.stringify(deviceId)}`);
    if (!secret) throw new DynsecError('dynsec-invalid-request', `device ${deviceId} has an empty secret`);
    if (seen.has(deviceId)) throw new DynsecError('dynsec-invalid-request', `device ${deviceId} is listed twice`);
    seen.add(deviceId);
  }
}

function failure(response: DynsecResponse, subject: string): DynsecFailure {
  return { command: response.command, subject, error: response.error ?? 'unexpected answer' };
}

function failed(failures: readonly DynsecFailure[], doing: string): DynsecError {
  const sample = failures.slice(0, 5).map(({ command, subject, error }) => `${command} ${subject}: ${error}`);
  const more = failures.length > sample.length ? `; and ${failures.length - sample.length} more` : '';
  return new DynsecError(
    'dynsec-command-failed',
    `${doing}: ${failures.length} command(s) refused: ${sample.join('; ')}${more}`,
    failures,
  );
}
