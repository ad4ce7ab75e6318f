import { randomBytes } from 'node:crypto';
import { generateDeviceSecret } from '@eldercare/secrets';
import { deviceTopic } from '@eldercare/protocol';
import { type TestMosquitto, startTestMosquitto } from '@eldercare/testing';
import type { MqttClient } from 'mqtt';
import { DynsecError } from './dynsec.error';
import { type DeviceAccount, MosquittoDynsecProvisioner } from './mosquitto-dynsec.provisioner';
import { TestMqttClients, closed } from './test-mqtt-client';

describe('MosquittoDynsecProvisioner', () => {
  let mosquitto: TestMosquitto;
  let clients: TestMqttClients;
  let admin: MqttClient;
  let sut: MosquittoDynsecProvisioner;
  let deviceCount = 0;

  beforeAll(async () => {
    mosquitto = await startTestMosquitto();
  });
  afterAll(() => mosquitto.stop());

  beforeEach(async () => {
    clients = new TestMqttClients(mosquitto.url);
    admin = await clients.connect({ ...mosquitto.admin, protocolVersion: 5 });
    sut = new MosquittoDynsecProvisioner(admin);
  });
  afterEach(() => clients.endAll());

  function newDevices(count: number): DeviceAccount[] {
    return Array.from({ length: count }, () => ({
      deviceId: `prov-dev-${++deviceCount}`,
      secret: generateDeviceSecret(),
    }));
  }

  function connectDevice({ deviceId, secret }: DeviceAccount, protocolVersion: 4 | 5 = 4): Promise<MqttClient> {
    return clients.connect({ clientId: deviceId, username: deviceId, password: secret, protocolVersion });
  }

  it('provisions devices across several $CONTROL messages of at most chunkSize commands', async () => {
    const devices = newDevices(7);
    const commandsPerMessage: number[] = [];
    admin.on('packetsend', (packet) => {
      if (packet.cmd === 'publish' && packet.topic === '$CONTROL/dynamic-security/v1') {
        commandsPerMessage.push((JSON.parse(packet.payload.toString()) as { commands: unknown[] }).commands.length);
      }
    });

    const result = await new MosquittoDynsecProvisioner(admin, { chunkSize: 3 }).provisionDevices(devices);

    expect(result).toEqual({ created: 7, updated: 0 });
    expect(commandsPerMessage.length).toBeGreaterThan(1);
    expect(Math.max(...commandsPerMessage)).toBe(3);
    for (const device of devices) await (await connectDevice(device)).endAsync();
  });

  it("answers an MQTT 5 device publishing to another device's up with PUBACK 0x87", async () => {
    const [device, victim] = newDevices(2);
    await sut.provisionDevices([device, victim]);
    const client = await connectDevice(device, 5);

    const refusal = client.publishAsync(deviceTopic(victim.deviceId, 'up'), '{"msgId":"forged","kind":"sos"}', {
      qos: 1,
    });

    await expect(refusal).rejects.toMatchObject({ code: 0x87 });
  });

  it("answers an MQTT 5 device subscribing to another device's down with SUBACK 0x87", async () => {
    const [device, victim] = newDevices(2);
    await sut.provisionDevices([device, victim]);
    const client = await connectDevice(device, 5);

    await expect(client.subscribeAsync(deviceTopic(victim.deviceId, 'down'), { qos: 1 })).rejects.toMatchObject({
      packet: { granted: [0x87] },
    });
  });

  it('sets the new secret when a device is provisioned again, and the old one stops working', async () => {
    const [device] = newDevices(1);
    await sut.provisionDevices([device]);
    const reissued = { ...device, secret: generateDeviceSecret() };

    const result = await sut.provisionDevices([reissued]);

    expect(result).toEqual({ created: 0, updated: 1 });
    await expect(connectDevice(device)).rejects.toMatchObject({ code: 5 });
    await connectDevice(reissued);
  });

  it('disconnects a revoked device at once, and revoking it again is fine', async () => {
    const [device] = newDevices(1);
    await sut.provisionDevices([device]);
    const client = await connectDevice(device);
    const disconnected = closed(client);

    await sut.revokeDevice(device.deviceId);

    await disconnected;
    await expect(sut.revokeDevice(device.deviceId)).resolves.toBeUndefined();
    await expect(connectDevice(device)).rejects.toMatchObject({ code: 5 });
  });

  it('ensures the service account again with a new password, which replaces the old one', async () => {
    const username = `service-${++deviceCount}`;
    const first = randomBytes(18).toString('base64url');
    const second = randomBytes(18).toString('base64url');
    await sut.ensureServiceAccount(username, first);

    await sut.ensureServiceAccount(username, second);

    await expect(clients.connect({ username, password: first })).rejects.toMatchObject({ code: 5 });
    const service = await clients.connect({ username, password: second });
    await expect(service.subscribeAsync('$share/gateway/eldercare/v1/devices/+/up', { qos: 1 })).resolves.toEqual([
      expect.objectContaining({ qos: 1 }),
    ]);
  });

  it('provisions every other device when one of them cannot be, and names the one that failed', async () => {
    const [first, last] = newDevices(2);
    const adminAsDevice = { deviceId: mosquitto.admin.username, secret: generateDeviceSecret() };

    const provisioning = sut.provisionDevices([first, adminAsDevice, last]);

    await expect(provisioning).rejects.toBeInstanceOf(DynsecError);
    await expect(provisioning).rejects.toMatchObject({
      code: 'dynsec-command-failed',
      failures: [{ subject: mosquitto.admin.username }],
    });
    await connectDevice(first);
    await connectDevice(last);
    await clients.connect(mosquitto.admin);
  });

  it.each([
    ['revoking the admin account', () => sut.revokeDevice(mosquitto.admin.username)],
    ['provisioning an id with topic wildcards', () => sut.provisionDevices([{ deviceId: 'dev/+', secret: 's' }])],
    ['provisioning an empty secret', () => sut.provisionDevices([{ deviceId: 'dev-empty', secret: '' }])],
    [
      'provisioning one device twice in a call',
      () => sut.provisionDevices([...Array(2)].map(() => ({ deviceId: 'dev-twice', secret: 's' }))),
    ],
    [
      'taking the admin account as service account',
      () => sut.ensureServiceAccount(mosquitto.admin.username, 'a-password-123'),
    ],
  ])('refuses %s before changing anything', async (_case, attempt) => {
    await expect(attempt()).rejects.toMatchObject({ code: 'dynsec-invalid-request' });
    await clients.connect(mosquitto.admin);
  });

  it('says so when its connection is not the dynamic-security admin', async () => {
    const [device] = newDevices(1);
    await sut.provisionDevices([device]);
    const notAdmin = new MosquittoDynsecProvisioner(await connectDevice(device));

    await expect(notAdmin.revokeDevice(device.deviceId)).rejects.toMatchObject({ code: 'dynsec-no-response' });
  });
});
