import { deviceGrants } from '@eldercare/broker';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { DEVICE_ACCOUNT_TEXTNAME, deviceRoleName } from '../../libs/broker/src/dynsec-command.builder';

/** Mosquitto 2.0's dynamic-security password hash: PBKDF2-SHA512, a 12-byte salt, 101 iterations, 64 bytes. */
const ITERATIONS = 101;

interface DynsecFile {
  clients: object[];
  roles: object[];
}

/**
 * Writes device accounts straight into a stopped (or about to restart) Mosquitto's dynamic-security file, exactly as
 * MosquittoDynsecProvisioner creates them (a role per device with its grants, a client bound to its client id).
 * The plugin rewrites the whole file on every command, so provisioning tens of thousands of devices through
 * `$CONTROL` takes longer than any part may run (see provision-mosquitto); the broker loads the file when it starts.
 */
export async function writeDeviceAccounts(
  dynsecFile: string,
  devices: readonly { deviceId: string; secret: string }[],
): Promise<void> {
  const config = JSON.parse(await readFile(dynsecFile, 'utf8')) as DynsecFile;
  for (const { deviceId, secret } of devices) {
    const rolename = deviceRoleName(deviceId);
    const salt = randomBytes(12);
    config.roles.push({
      rolename,
      acls: deviceGrants(deviceId).map((grant) => ({
        acltype: grant.action === 'publish' ? 'publishClientSend' : 'subscribePattern',
        topic: grant.pattern,
        priority: 0,
        allow: true,
      })),
    });
    config.clients.push({
      username: deviceId,
      clientid: deviceId,
      textname: DEVICE_ACCOUNT_TEXTNAME,
      roles: [{ rolename }],
      password: pbkdf2Sync(secret, salt, ITERATIONS, 64, 'sha512').toString('base64'),
      salt: salt.toString('base64'),
      iterations: ITERATIONS,
    });
  }
  await writeFile(dynsecFile, JSON.stringify(config));
}
