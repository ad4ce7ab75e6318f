import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { generateDeviceSecret, hashSecret, type StoredDeviceCredentials } from '@eldercare/secrets';
import { deviceTopic, gatewayAlarmSubscriptions, gatewaySubscriptions } from '@eldercare/protocol';
import { eventually, startTestMosquitto } from '@eldercare/testing';
import type { MqttClient } from 'mqtt';
import { createEmbeddedBroker } from './embedded-broker.factory';
import { MosquittoDynsecProvisioner } from './mosquitto-dynsec.provisioner';
import { TestMqttClients, closed } from './test-mqtt-client';

/** One broker set up the way the platform runs it, with a service account and a way to add and remove devices. */
interface BrokerUnderTest {
  url: string;
  service: { username: string; password: string };
  /** The gateway's uplink and alarm filters on this broker: shared on Mosquitto, plain on aedes. */
  uplinkFilters: string[];
  /** Mosquitto drops a forbidden QoS 1 publish from an MQTT 3.1.1 client after PUBACK; aedes closes the connection. */
  refusesForeignPublishBy: 'dropping' | 'disconnecting';
  register(deviceId: string, secret: string): Promise<void>;
  revoke(deviceId: string): Promise<void>;
  stop(): Promise<void>;
}

const SERVICE_USERNAME = 'eldercare-gateway';

async function mosquittoBroker(): Promise<BrokerUnderTest> {
  const mosquitto = await startTestMosquitto();
  const adminClients = new TestMqttClients(mosquitto.url);
  const provisioner = new MosquittoDynsecProvisioner(
    await adminClients.connect({ ...mosquitto.admin, protocolVersion: 5 }),
  );
  const service = { username: SERVICE_USERNAME, password: randomBytes(18).toString('base64url') };
  await provisioner.ensureServiceAccount(service.username, service.password);
  return {
    url: mosquitto.url,
    service,
    uplinkFilters: [...gatewaySubscriptions(true), ...gatewayAlarmSubscriptions(true)],
    refusesForeignPublishBy: 'dropping',
    register: async (deviceId, secret) => void (await provisioner.provisionDevices([{ deviceId, secret }])),
    revoke: (deviceId) => provisioner.revokeDevice(deviceId),
    stop: async () => {
      await adminClients.endAll();
      await mosquitto.stop();
    },
  };
}

async function embeddedBroker(): Promise<BrokerUnderTest> {
  const registry = new Map<string, StoredDeviceCredentials>();
  const service = { username: SERVICE_USERNAME, password: randomBytes(18).toString('base64url') };
  const broker = createEmbeddedBroker({
    credentials: { findCredentials: async (deviceId) => registry.get(deviceId) },
    service,
    logger: { warn: () => undefined },
  });
  const { port }: AddressInfo = await broker.listen(0, '127.0.0.1');
  return {
    url: `mqtt://127.0.0.1:${port}`,
    service,
    uplinkFilters: [...gatewaySubscriptions(false), ...gatewayAlarmSubscriptions(false)],
    refusesForeignPublishBy: 'disconnecting',
    register: async (deviceId, secret) =>
      void registry.set(deviceId, { secretHash: await hashSecret(secret), active: true }),
    revoke: async (deviceId) => void registry.set(deviceId, { ...registry.get(deviceId)!, active: false }),
    stop: () => broker.close(),
  };
}

describe.each([
  ['Mosquitto provisioned through dynamic security', mosquittoBroker],
  ['the embedded aedes broker', embeddedBroker],
])('%s', (_name, start) => {
  let broker: BrokerUnderTest;
  let clients: TestMqttClients;
  let gatewayReceived: { topic: string; payload: string }[];
  let deviceCount = 0;

  beforeAll(async () => {
    broker = await start();
  });
  afterAll(() => broker.stop());

  beforeEach(async () => {
    clients = new TestMqttClients(broker.url);
    const gateway = await clients.connect({ ...broker.service, clientId: `gateway-${++deviceCount}` });
    gatewayReceived = clients.collect(gateway);
    await gateway.subscribeAsync(broker.uplinkFilters, { qos: 1 });
  });
  afterEach(() => clients.endAll());

  async function newDevice(): Promise<{ deviceId: string; secret: string }> {
    const device = { deviceId: `it-dev-${++deviceCount}`, secret: generateDeviceSecret() };
    await broker.register(device.deviceId, device.secret);
    return device;
  }

  function connectDevice(
    { deviceId, secret }: { deviceId: string; secret: string },
    protocolVersion: 4 | 5 = 4,
  ): Promise<MqttClient> {
    return clients.connect({ clientId: deviceId, username: deviceId, password: secret, protocolVersion });
  }

  it('lets a device in with its secret, and its uplink reaches the service account', async () => {
    const device = await newDevice();
    const sut = await connectDevice(device);

    await sut.publishAsync(deviceTopic(device.deviceId, 'up'), '{"msgId":"a1","kind":"sos"}', { qos: 1 });

    const uplink = await eventually(() =>
      gatewayReceived.find(({ topic }) => topic === deviceTopic(device.deviceId, 'up')),
    );
    expect(uplink.payload).toBe('{"msgId":"a1","kind":"sos"}');
  });

  it('lets a device publish an alarm on its own alarm topic, and it reaches the service account', async () => {
    const device = await newDevice();
    const sut = await connectDevice(device);

    await sut.publishAsync(deviceTopic(device.deviceId, 'alarm'), '{"msgId":"a2","kind":"sos"}', { qos: 1 });

    const alarm = await eventually(() =>
      gatewayReceived.find(({ topic }) => topic === deviceTopic(device.deviceId, 'alarm')),
    );
    expect(alarm.payload).toBe('{"msgId":"a2","kind":"sos"}');
  });

  it('delivers the service account downlink to the device subscribed to its own down', async () => {
    const device = await newDevice();
    const sut = await connectDevice(device);
    const deviceReceived = clients.collect(sut);
    await sut.subscribeAsync(deviceTopic(device.deviceId, 'down'), { qos: 1 });
    const gateway = await clients.connect({ ...broker.service, clientId: `gateway-down-${deviceCount}` });

    await gateway.publishAsync(deviceTopic(device.deviceId, 'down'), '{"msgId":"d1","kind":"ack"}', { qos: 1 });

    const downlink = await eventually(() => deviceReceived[0]);
    expect(downlink).toEqual({ topic: deviceTopic(device.deviceId, 'down'), payload: '{"msgId":"d1","kind":"ack"}' });
  });

  it("publishes a device's last will on its own status when it drops off", async () => {
    const device = await newDevice();
    const sut = await clients.connect({
      clientId: device.deviceId,
      username: device.deviceId,
      password: device.secret,
      will: {
        topic: deviceTopic(device.deviceId, 'status'),
        payload: Buffer.from('{"online":false}'),
        qos: 1,
        retain: true,
      },
    });

    sut.stream.destroy();

    const will = await eventually(() =>
      gatewayReceived.find(({ topic }) => topic === deviceTopic(device.deviceId, 'status')),
    );
    expect(will.payload).toBe('{"online":false}');
  });

  it('refuses a wrong secret at connect', async () => {
    const device = await newDevice();

    await expect(connectDevice({ ...device, secret: generateDeviceSecret() })).rejects.toMatchObject({ code: 5 });
  });

  it('refuses a device that connects under another client id', async () => {
    const device = await newDevice();

    await expect(
      clients.connect({ clientId: `${device.deviceId}-x`, username: device.deviceId, password: device.secret }),
    ).rejects.toMatchObject({
      code: 5,
    });
  });

  it.each(['up', 'alarm'] as const)(
    "never delivers what a device publishes to another device's %s",
    async (channel) => {
      const device = await newDevice();
      const victim = await newDevice();
      let sut = await connectDevice(device);

      const refused = broker.refusesForeignPublishBy === 'disconnecting' ? closed(sut) : undefined;
      sut.publish(deviceTopic(victim.deviceId, channel), '{"msgId":"forged","kind":"sos"}', { qos: 1 });
      if (refused) {
        await refused;
        sut = await connectDevice(device);
      }
      // The broker handles one connection's packets in order: once the sentinel is through, the forged message has been judged.
      await sut.publishAsync(
        deviceTopic(device.deviceId, 'up'),
        '{"msgId":"sentinel","kind":"heartbeat","battery":90}',
        {
          qos: 1,
        },
      );

      await eventually(() => gatewayReceived.find(({ payload }) => payload.includes('"sentinel"')));
      expect(gatewayReceived.filter(({ topic }) => topic === deviceTopic(victim.deviceId, channel))).toEqual([]);
    },
  );

  it("refuses a device subscribing to another device's down with SUBACK 0x80", async () => {
    const device = await newDevice();
    const victim = await newDevice();
    const sut = await connectDevice(device);

    await expect(sut.subscribeAsync(deviceTopic(victim.deviceId, 'down'), { qos: 1 })).rejects.toMatchObject({
      packet: { granted: [0x80] },
    });
  });

  it('refuses a revoked device on its next connect', async () => {
    const device = await newDevice();
    await (await connectDevice(device)).endAsync();

    await broker.revoke(device.deviceId);

    await expect(connectDevice(device)).rejects.toMatchObject({ code: 5 });
  });
});
