import { randomBytes } from 'node:crypto';
import { generateDeviceSecret, hashSecret, type StoredDeviceCredentials } from '@eldercare/secrets';
import { deviceTopic, gatewaySubscriptions } from '@eldercare/protocol';
import type { MqttClient } from 'mqtt';
import type { DeviceCredentialStore } from './device-credential.store';
import { type EmbeddedBroker, createEmbeddedBroker } from './embedded-broker.factory';
import { TestMqttClients, closed } from './test-mqtt-client';
import { expectEventually } from '@eldercare/testing';
import { BROKER_LOGIN_LIMITS } from './broker-login-throttle';

describe('createEmbeddedBroker', () => {
  const service = { username: 'eldercare-gateway', password: randomBytes(18).toString('base64url') };
  const registry = new Map<string, StoredDeviceCredentials>();
  let credentials: DeviceCredentialStore;
  let warnings: { details: Record<string, unknown>; message: string }[];
  let sut: EmbeddedBroker;
  let clients: TestMqttClients;
  let deviceCount = 0;

  beforeAll(async () => {
    sut = createEmbeddedBroker({
      credentials: { findCredentials: (deviceId) => credentials.findCredentials(deviceId) },
      service,
      logger: { warn: (details, message) => warnings.push({ details, message }) },
    });
    const { port } = await sut.listen(0, '127.0.0.1');
    clients = new TestMqttClients(`mqtt://127.0.0.1:${port}`);
  });
  afterAll(() => sut.close());

  beforeEach(() => {
    credentials = { findCredentials: async (deviceId) => registry.get(deviceId) };
    warnings = [];
  });
  afterEach(() => clients.endAll());

  async function newDevice(): Promise<{ deviceId: string; secret: string }> {
    const device = { deviceId: `emb-dev-${++deviceCount}`, secret: generateDeviceSecret() };
    registry.set(device.deviceId, { secretHash: await hashSecret(device.secret), active: true });
    return device;
  }

  function connectDevice({ deviceId, secret }: { deviceId: string; secret: string }): Promise<MqttClient> {
    return clients.connect({ clientId: deviceId, username: deviceId, password: secret });
  }

  it('refuses shared subscriptions, which aedes would silently never match, and says why', async () => {
    const gateway = await clients.connect(service);

    await expect(gateway.subscribeAsync(gatewaySubscriptions(true), { qos: 1 })).rejects.toMatchObject({
      packet: { granted: [0x80, 0x80] },
    });

    expect(warnings).toContainEqual({
      details: { clientId: gateway.options.clientId, topic: gatewaySubscriptions(true)[0] },
      message: expect.stringContaining('no shared subscriptions'),
    });
  });

  it('lets the service account subscribe to the plain uplink filters', async () => {
    const gateway = await clients.connect(service);

    await expect(gateway.subscribeAsync(gatewaySubscriptions(false), { qos: 1 })).resolves.toHaveLength(2);
  });

  it('refuses the service account with a wrong password', async () => {
    await expect(clients.connect({ ...service, password: 'not-the-password' })).rejects.toMatchObject({ code: 5 });
  });

  it('refuses a device the registry does not know, and logs the reason', async () => {
    await expect(connectDevice({ deviceId: 'emb-unknown', secret: generateDeviceSecret() })).rejects.toMatchObject({
      code: 5,
    });

    expect(warnings).toContainEqual({
      details: expect.objectContaining({ username: 'emb-unknown', reason: 'unknown device' }),
      message: 'broker connection refused',
    });
  });

  it('answers "server unavailable" when the registry cannot be read, so that the device retries', async () => {
    const device = await newDevice();
    credentials = { findCredentials: () => Promise.reject(new Error('connection terminated')) };

    await expect(connectDevice(device)).rejects.toMatchObject({ code: 3 });
  });

  it("disconnects a device that publishes to another device's topic, and logs it", async () => {
    const device = await newDevice();
    const client = await connectDevice(device);
    const disconnected = closed(client);

    client.publish(deviceTopic('emb-victim', 'up'), '{"msgId":"forged","kind":"sos"}', { qos: 1 });

    await disconnected;
    expect(warnings).toContainEqual({
      details: { clientId: device.deviceId, topic: deviceTopic('emb-victim', 'up') },
      message: expect.stringContaining('publish refused'),
    });
  });
});

describe('createEmbeddedBroker under a burst of wrong secrets', () => {
  const TARGETS = 6;
  const TRIES = 8;
  const FREE = BROKER_LOGIN_LIMITS.free.pair;
  const service = { username: 'eldercare-gateway', password: randomBytes(18).toString('base64url') };
  const registry = new Map<string, StoredDeviceCredentials>();
  const refusals: string[] = [];
  let sut: EmbeddedBroker;
  let clients: TestMqttClients;

  beforeAll(async () => {
    sut = createEmbeddedBroker({
      credentials: { findCredentials: async (deviceId) => registry.get(deviceId) },
      service,
      logger: { warn: (details) => refusals.push(String(details.reason)) },
    });
    const { port } = await sut.listen(0, '127.0.0.1');
    clients = new TestMqttClients(`mqtt://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    await clients.endAll();
    await sut.close();
  });

  async function register(deviceId: string): Promise<{ deviceId: string; secret: string }> {
    const secret = generateDeviceSecret();
    registry.set(deviceId, { secretHash: await hashSecret(secret), active: true });
    return { deviceId, secret };
  }
  const login = ({ deviceId, secret }: { deviceId: string; secret: string }, connectTimeout = 5_000) =>
    clients.connect({ clientId: deviceId, username: deviceId, password: secret, connectTimeout });
  const count = (reason: string | RegExp) => refusals.filter((r) => r.match(reason)).length;

  it('lets a device known at its address in ahead of the guesses, and refuses guesses past the free ones unchecked', async () => {
    const owner = await register('emb-owner-1');
    await (await login(owner)).endAsync();
    const targets = await Promise.all(Array.from({ length: TARGETS }, (_, i) => register(`emb-target-${i}`)));

    const guesses = targets.flatMap((target) =>
      Array.from({ length: TRIES }, () =>
        login({ ...target, secret: generateDeviceSecret() }, 60_000).then(
          () => 'connected',
          (error: { code?: number }) => error.code,
        ),
      ),
    );
    // Five tries of each device id from one address are checked; the others are told to come back later.
    await expectEventually(() => expect(count(/^too many failed logins/)).toBe(TARGETS * (TRIES - FREE)));
    await login(owner);
    const checkedWhenOwnerIn = count('wrong password');

    expect(checkedWhenOwnerIn).toBeLessThan((TARGETS * FREE) / 2);
    const answers = await Promise.all(guesses);
    expect(answers.filter((code) => code === 3)).toHaveLength(TARGETS * (TRIES - FREE));
    expect(answers.filter((code) => code === 5)).toHaveLength(TARGETS * FREE);
    expect(answers).not.toContain('connected');
  });
});
