import { DynsecError, MosquittoDynsecProvisioner } from '@eldercare/broker';
import { deviceTopic } from '@eldercare/protocol';
import {
  DeviceBrokerRoleRepository,
  DeviceEntity,
  DeviceRepository,
  openDatabase,
  type NewDevice,
} from '@eldercare/persistence';
import { generateDeviceSecret, hashSecret } from '@eldercare/secrets';
import {
  createTestDatabase,
  eventually,
  startTestMosquitto,
  type TestDatabase,
  type TestMosquitto,
} from '@eldercare/testing';
import { DeviceRolesOfVersion } from '@eldercare/test/broker/device-roles-of-version';
import mqtt, { type MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DeviceRegistryService } from './device-registry.service';
import { DeviceRoleUpgrade, type RoleUpgradeLogger } from './device-role-upgrade';

const SOS = (msgId: string) => JSON.stringify({ msgId, kind: 'sos' });

describe('upgrading the broker roles of devices registered under older grants, on Mosquitto', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let mosquitto: TestMosquitto;
  let connections: MqttClient[];
  let admin: MqttClient;
  let provisioner: MosquittoDynsecProvisioner;
  let rolesOfVersion: DeviceRolesOfVersion;
  let service: { username: string; password: string };
  let devices: DeviceRepository;
  let roles: DeviceBrokerRoleRepository;
  let logged: string[];
  let sut: DeviceRoleUpgrade;
  let deviceCount = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 3 });
    mosquitto = await startTestMosquitto();
  });

  afterAll(async () => {
    await mosquitto.stop();
    await dataSource.destroy();
    await database.drop();
  });

  beforeEach(async () => {
    connections = [];
    admin = await connect({ ...mosquitto.admin, protocolVersion: 5 });
    provisioner = new MosquittoDynsecProvisioner(admin);
    rolesOfVersion = new DeviceRolesOfVersion(admin);
    service = { username: `gateway-${++deviceCount}`, password: randomBytes(18).toString('base64url') };
    await provisioner.ensureServiceAccount(service.username, service.password);
    devices = new DeviceRepository(dataSource);
    roles = new DeviceBrokerRoleRepository(dataSource);
    logged = [];
    const logger: RoleUpgradeLogger = {
      log: (message) => logged.push(message),
      warn: (message) => logged.push(message),
      error: (message) => logged.push(message),
    };
    sut = new DeviceRoleUpgrade(roles, (behind) => provisioner.upgradeDeviceRoles(behind), logger);
  });

  afterEach(async () => {
    await Promise.all(connections.map((connection) => connection.endAsync(true)));
    await dataSource.query('DELETE FROM devices');
  });

  async function connect(options: mqtt.IClientOptions): Promise<MqttClient> {
    const connection = await mqtt.connectAsync(mosquitto.url, { reconnectPeriod: 0, ...options });
    connections.push(connection);
    return connection;
  }

  /** A registry row as before grants versions were recorded, and a broker account as the provisioner made it then. */
  async function deviceOfVersion1(): Promise<{ deviceId: string; secret: string }> {
    const device = { deviceId: `old-dev-${++deviceCount}`, secret: generateDeviceSecret() };
    const row: NewDevice = { id: device.deviceId, type: 'call_button', elderId: null, secretHash: 'unused' };
    await devices.insert([{ ...row, secretHash: await hashSecret(device.secret) }]);
    await rolesOfVersion.provision([device], 1);
    return device;
  }

  async function grantsVersionOf(deviceId: string): Promise<number> {
    return (await dataSource.getRepository(DeviceEntity).findOneByOrFail({ id: deviceId })).brokerGrantsVersion;
  }

  /** The gateway's view: every device's alarms and uplinks, in the order they arrive. */
  async function subscribeAsGateway(): Promise<{ topic: string; payload: string }[]> {
    const gateway = await connect({ ...service, clientId: `${service.username}-1` });
    const received: { topic: string; payload: string }[] = [];
    gateway.on('message', (topic, payload) => received.push({ topic, payload: payload.toString('utf8') }));
    await gateway.subscribeAsync(['eldercare/v1/devices/+/alarm', 'eldercare/v1/devices/+/up'], { qos: 1 });
    return received;
  }

  function connectDevice({ deviceId, secret }: { deviceId: string; secret: string }): Promise<MqttClient> {
    return connect({ clientId: deviceId, username: deviceId, password: secret, protocolVersion: 4 });
  }

  function controlMessagesSent(): () => number {
    let sent = 0;
    admin.on('packetsend', (packet) => {
      if (packet.cmd === 'publish' && packet.topic.startsWith('$CONTROL/')) sent++;
    });
    return () => sent;
  }

  it("lets an old device's sos on its alarm topic through once its role is upgraded, and a second pass does nothing", async () => {
    const old = await deviceOfVersion1();
    const received = await subscribeAsGateway();
    const device = await connectDevice(old);

    // Mosquitto 2.0 acknowledges a refused QoS 1 publish from an MQTT 3.1.1 client and drops it. The uplink sent
    // after it on the same connection arrives in order, so when it is in, the alarm would have been before it.
    await device.publishAsync(deviceTopic(old.deviceId, 'alarm'), SOS('lost-1'), { qos: 1 });
    await device.publishAsync(deviceTopic(old.deviceId, 'up'), SOS('after-1'), { qos: 1 });
    await eventually(() => received.find(({ payload }) => payload === SOS('after-1')));
    expect(received).toEqual([{ topic: deviceTopic(old.deviceId, 'up'), payload: SOS('after-1') }]);

    const first = await sut.run();

    expect(first).toEqual({ ran: true, upgraded: 1, failed: 0, left: 0 });
    expect(await grantsVersionOf(old.deviceId)).toBe(2);
    await device.publishAsync(deviceTopic(old.deviceId, 'alarm'), SOS('sos-2'), { qos: 1 });
    const alarm = await eventually(() => received.find(({ payload }) => payload === SOS('sos-2')));
    expect(alarm.topic).toBe(deviceTopic(old.deviceId, 'alarm'));
    expect(logged).toContain('device roles: 1 upgraded, 0 failed, 0 left');

    const sent = controlMessagesSent();
    const second = await sut.run();

    expect(second).toEqual({ ran: true, upgraded: 0, failed: 0, left: 0 });
    expect(sent()).toBe(0);
  });

  it('leaves alone the devices registered under the current grants and the retired ones', async () => {
    const registry = new DeviceRegistryService(devices, provisioner);
    const [current] = await registry.register([{ id: `new-dev-${++deviceCount}`, type: 'call_button', elderId: null }]);
    const retired = await deviceOfVersion1();
    await registry.retire(retired.deviceId);
    const sent = controlMessagesSent();

    const pass = await sut.run();

    expect(pass).toEqual({ ran: true, upgraded: 0, failed: 0, left: 0 });
    expect(sent()).toBe(0);
    expect(await grantsVersionOf(current.deviceId)).toBe(2);
    expect(await grantsVersionOf(retired.deviceId)).toBe(1);
  });

  it('upgrades devices several rounds deep, and leaves behind, named in the log, one the broker has no account for', async () => {
    const olds = [];
    for (let index = 0; index < 12; index++) olds.push(await deviceOfVersion1());
    const orphan = `old-dev-${++deviceCount}`;
    await devices.insert([{ id: orphan, type: 'call_button', elderId: null, secretHash: 'unused' }]);

    const pass = await sut.run();

    expect(pass).toEqual({ ran: true, upgraded: 12, failed: 1, left: 0 });
    for (const { deviceId } of olds) expect(await grantsVersionOf(deviceId)).toBe(2);
    expect(await grantsVersionOf(orphan)).toBe(1);
    expect(logged).toContain(`device ${orphan}: role not upgraded: the device has no account on the broker`);
    expect(await sut.run()).toEqual({ ran: true, upgraded: 0, failed: 1, left: 0 });
  });

  it('counts as upgraded a device whose role has the alarm grant already (made after the alarm topic, before versions)', async () => {
    const device = { deviceId: `alarm-era-dev-${++deviceCount}`, secret: generateDeviceSecret() };
    await devices.insert([{ id: device.deviceId, type: 'call_button', elderId: null, secretHash: 'unused' }]);
    await provisioner.provisionDevices([device]);

    const pass = await sut.run();

    expect(pass).toEqual({ ran: true, upgraded: 1, failed: 0, left: 0 });
    expect(await grantsVersionOf(device.deviceId)).toBe(2);
  });

  it('stops at a round the broker does not answer, marking none of it, and the next pass does it', async () => {
    const olds = [await deviceOfVersion1(), await deviceOfVersion1()];
    const silent = new DeviceRoleUpgrade(
      roles,
      async () => {
        throw new DynsecError('dynsec-no-response', 'no answer from the dynamic-security plugin within 30000 ms');
      },
      { log: () => undefined, warn: () => undefined, error: (message) => logged.push(message) },
    );

    expect(await silent.run()).toEqual({ ran: true, upgraded: 0, failed: 0, left: 2 });
    expect(logged).toEqual([expect.stringContaining(`${olds[0].deviceId}, ${olds[1].deviceId}`)]);
    for (const { deviceId } of olds) expect(await grantsVersionOf(deviceId)).toBe(1);

    expect(await sut.run()).toEqual({ ran: true, upgraded: 2, failed: 0, left: 0 });
  });

  it('does nothing while another process is upgrading', async () => {
    const old = await deviceOfVersion1();
    let inner: Awaited<ReturnType<DeviceRoleUpgrade['run']>> | undefined;

    await roles.runAlone(async () => {
      inner = await sut.run();
    });

    expect(inner).toEqual({ ran: false, upgraded: 0, failed: 0, left: 0 });
    expect(await grantsVersionOf(old.deviceId)).toBe(1);
    expect(await sut.run()).toMatchObject({ ran: true, upgraded: 1 });
  });
});
