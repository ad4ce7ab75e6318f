import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { MosquittoDynsecProvisioner } from './mosquitto-dynsec.provisioner';

/** A provisioner on its own admin connection; `close` ends the connection. */
export async function connectProvisioner(
  url: string,
  admin: { username: string; password: string },
): Promise<{ provisioner: MosquittoDynsecProvisioner; close(): Promise<void> }> {
  const client: MqttClient = await mqtt.connectAsync(url, {
    ...admin,
    protocolVersion: 5,
    clientId: `eldercare-admin-${randomBytes(6).toString('hex')}`,
    reconnectPeriod: 1000,
  });
  return { provisioner: new MosquittoDynsecProvisioner(client), close: () => client.endAsync() };
}
