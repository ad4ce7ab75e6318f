import type { DevicePage, RegisteredDevice } from '@eldercare/contracts';
import { SimulatedDevice } from '@eldercare/devices';
import { type Role } from '@eldercare/domain';
import { verifySecret } from '@eldercare/secrets';
import { DeviceRepository, openDatabase, PersistenceModule } from '@eldercare/persistence';
import {
  ApiClient,
  createTestDatabase,
  createTestElderInPlace,
  createTestUser,
  TEST_PASSWORD,
  testEnvironment,
  type TestDatabase,
  type TestElder,
} from '@eldercare/testing';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { startTestBroker, type TestBroker } from '../../../gateway/src/testing/test-broker';
import { ApiModule } from '../api.module';
import { configureApiApp } from '../configure-api-app';
import { testApiOptions } from '../testing/test-api-options';

/**
 * The api alone, in front of a Mosquitto of its own that it provisions as in production: a device registered over
 * the api gets its broker account, and loses it when retired. (The rules harness's api provisions nothing.)
 */
class DevicesHarness {
  private constructor(
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    readonly broker: TestBroker,
    readonly app: NestExpressApplication,
    readonly apiUrl: string,
  ) {}

  static async start(): Promise<DevicesHarness> {
    const database = await createTestDatabase();
    const dataSource = await openDatabase(database.url, { poolSize: 2 });
    const broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
    const options = testApiOptions(testEnvironment.redisUrl, `devices-${randomBytes(4).toString('hex')}`, broker.url, {
      provisioning: broker.provisioning,
    });
    @Module({ imports: [PersistenceModule.forRoot({ url: database.url, poolSize: 4 }), ApiModule.forRoot(options)] })
    class DevicesTestApp {}
    const app = await NestFactory.create<NestExpressApplication>(DevicesTestApp, { logger: ['error', 'warn'] });
    configureApiApp(app, options);
    await app.listen(0, '127.0.0.1');
    return new DevicesHarness(
      database,
      dataSource,
      broker,
      app,
      `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
    );
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.broker.stop();
    await this.dataSource.destroy();
    await this.database.drop();
  }
}

describe('devices over the api', () => {
  let harness: DevicesHarness;
  let ours: TestElder;
  let theirs: TestElder;
  let supervisor: ApiClient;
  const clients = new Map<Role, ApiClient>();

  const newDeviceId = (prefix = 'btn') => `${prefix}-${randomBytes(4).toString('hex')}`;

  async function clientOf(role: Role, scope: { regionIds?: string[]; elderIds?: string[] } = {}): Promise<ApiClient> {
    const user = await createTestUser(harness.dataSource, role, scope);
    return ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  }

  async function register(client: ApiClient, elderId: string, type = 'call_button', id = newDeviceId()) {
    return client.post<RegisteredDevice>('/api/devices', { id, type, elderId });
  }

  beforeAll(async () => {
    harness = await DevicesHarness.start();
    [ours, theirs] = await Promise.all([
      createTestElderInPlace(harness.dataSource, { name: '我们的老人' }),
      createTestElderInPlace(harness.dataSource, { name: '别处的老人' }),
    ]);
    supervisor = await clientOf('supervisor', { regionIds: [ours.districtId] });
    clients.set('operator', await clientOf('operator', { regionIds: [ours.streetId] }));
    clients.set('family', await clientOf('family', { elderIds: [ours.elderId] }));
    clients.set('admin', await clientOf('admin'));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('registers a device for an elder in scope and shows its secret once, of which only a hash is kept; the device can connect with it', async () => {
    const id = newDeviceId();

    const registered = await register(supervisor, ours.elderId, 'call_button', id);

    expect(registered).toMatchObject({
      status: 201,
      body: { deviceId: id, secret: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) },
    });
    const [row] = await harness.dataSource.query(
      'SELECT elder_id, type, status, secret_hash FROM devices WHERE id = $1',
      [id],
    );
    expect(row).toMatchObject({ elder_id: ours.elderId, type: 'call_button', status: 'active' });
    expect(row.secret_hash).not.toContain(registered.body.secret);
    expect(await verifySecret(registered.body.secret, row.secret_hash)).toBe(true);
    const [audit] = await harness.dataSource.query(`SELECT action, elder_id FROM audit_log WHERE subject = $1`, [
      `device:${id}`,
    ]);
    expect(audit).toEqual({ action: 'device.register', elder_id: ours.elderId });

    const device = await SimulatedDevice.connect({
      url: harness.broker.url,
      deviceId: id,
      type: 'call_button',
      secret: registered.body.secret,
      reconnectPeriodMs: 0,
    });
    await device.close();
  });

  it.each<[string, (elderId: string) => Record<string, unknown>]>([
    ['an id with a space', (elderId) => ({ id: 'btn 0001', type: 'call_button', elderId })],
    ['an id of two characters', (elderId) => ({ id: 'b1', type: 'call_button', elderId })],
    [
      'an id with a slash, which would reach into another device’s topics',
      (elderId) => ({ id: 'btn/+/up', type: 'call_button', elderId }),
    ],
    ['a type the protocol does not know', (elderId) => ({ id: newDeviceId(), type: 'smoke_alarm', elderId })],
    [
      'a field a device does not have',
      (elderId) => ({ id: newDeviceId(), type: 'call_button', elderId, secret: 'mine' }),
    ],
    ['no elder', () => ({ id: newDeviceId(), type: 'call_button' })],
  ])('refuses %s (400 invalid-request) and registers nothing', async (_case, body) => {
    const request = body(ours.elderId);

    const refused = await supervisor.post('/api/devices', request);

    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    const [{ n }] = await harness.dataSource.query('SELECT count(*)::int AS n FROM devices WHERE id = $1', [
      String(request.id),
    ]);
    expect(n).toBe(0);
  });

  it('refuses a second device with the same id (409), even once the first is retired, and keeps the first secret', async () => {
    const id = newDeviceId();
    await register(supervisor, ours.elderId, 'call_button', id);
    const [before] = await harness.dataSource.query('SELECT secret_hash FROM devices WHERE id = $1', [id]);

    const again = await register(clients.get('admin')!, theirs.elderId, 'wearable', id);
    await supervisor.post(`/api/devices/${id}/retire`);
    const afterRetirement = await register(supervisor, ours.elderId, 'call_button', id);

    expect(again).toMatchObject({ status: 409, body: { error: { code: 'device-already-registered' } } });
    expect(afterRetirement.status).toBe(409);
    const [after] = await harness.dataSource.query('SELECT secret_hash, elder_id FROM devices WHERE id = $1', [id]);
    expect(after).toEqual({ secret_hash: before.secret_hash, elder_id: ours.elderId });
  });

  it('answers 404 for an elder outside the supervisor’s district, and 403 for an operator or a family member', async () => {
    expect(await register(supervisor, theirs.elderId)).toMatchObject({
      status: 404,
      body: { error: { code: 'elder-not-found' } },
    });
    for (const role of ['operator', 'family'] as const) {
      expect(await register(clients.get(role)!, ours.elderId)).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden' } },
      });
    }
  });

  it('retires a device (204): its broker account stops working, a second retirement is refused (409)', async () => {
    const id = newDeviceId();
    const { body: issued } = await register(supervisor, ours.elderId, 'call_button', id);

    const retired = await supervisor.post(`/api/devices/${id}/retire`);
    const again = await supervisor.post(`/api/devices/${id}/retire`);

    expect(retired.status).toBe(204);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'device-already-retired' } } });
    const [row] = await harness.dataSource.query('SELECT status, retired_at FROM devices WHERE id = $1', [id]);
    expect(row).toMatchObject({ status: 'retired', retired_at: expect.any(Date) });
    await expect(
      SimulatedDevice.connect({
        url: harness.broker.url,
        deviceId: id,
        type: 'call_button',
        secret: issued.secret,
        reconnectPeriodMs: 0,
        connectTimeoutMs: 3000,
      }),
    ).rejects.toThrow(/could not connect/);
  });

  it('answers 404 to retiring a device outside the supervisor’s district, or one that does not exist, and retires nothing', async () => {
    const id = newDeviceId();
    await register(clients.get('admin')!, theirs.elderId, 'call_button', id);

    expect(await supervisor.post(`/api/devices/${id}/retire`)).toMatchObject({
      status: 404,
      body: { error: { code: 'device-not-found' } },
    });
    expect(await supervisor.post(`/api/devices/${newDeviceId()}/retire`)).toMatchObject({
      status: 404,
      body: { error: { code: 'device-not-found' } },
    });
    expect(await supervisor.post('/api/devices/no%20such%20id/retire')).toMatchObject({
      status: 404,
      body: { error: { code: 'device-not-found' } },
    });
    const [row] = await harness.dataSource.query('SELECT status FROM devices WHERE id = $1', [id]);
    expect(row.status).toBe('active');
  });

  describe('the list', () => {
    let watchId: string;
    let meterId: string;

    beforeAll(async () => {
      watchId = newDeviceId('wat');
      meterId = newDeviceId('wtr');
      await register(supervisor, ours.elderId, 'wearable', watchId);
      await register(supervisor, ours.elderId, 'water_meter', meterId);
      await supervisor.post(`/api/devices/${meterId}/retire`);
      await register(clients.get('admin')!, theirs.elderId, 'wearable');
    });

    it('lists the devices of the elders in scope with their elder, newest first', async () => {
      const { status, body } = await supervisor.get<DevicePage>(`/api/devices?elderId=${ours.elderId}`);

      expect(status).toBe(200);
      expect(body.total).toBe(body.devices.length);
      const watch = body.devices.find((device) => device.id === watchId);
      expect(watch).toEqual({
        id: watchId,
        type: 'wearable',
        status: 'active',
        online: false,
        lastSeenAt: null,
        battery: null,
        registeredAt: expect.any(String),
        retiredAt: null,
        elder: { id: ours.elderId, name: '我们的老人' },
      });
      const times = body.devices.map((device) => device.registeredAt);
      expect(times).toEqual([...times].sort().reverse());
    });

    it('filters by type, status and region, and pages with a total', async () => {
      const retired = await supervisor.get<DevicePage>(`/api/devices?regionId=${ours.streetId}&status=retired`);
      expect(retired.body.devices.map((device) => device.id)).toContain(meterId);
      expect(retired.body.devices.every((device) => device.status === 'retired' && device.retiredAt !== null)).toBe(
        true,
      );

      const watches = await supervisor.get<DevicePage>(`/api/devices?type=wearable&status=active`);
      expect(watches.body.devices.map((device) => device.id)).toEqual([watchId]);

      const page = await supervisor.get<DevicePage>('/api/devices?limit=1&offset=1');
      expect(page.body.devices).toHaveLength(1);
      expect(page.body.total).toBeGreaterThan(1);
    });

    it('shows each viewer only the devices of elders they see: the family their elder’s, the admin everyone’s', async () => {
      const [family, admin, supervisorAll] = await Promise.all([
        clients.get('family')!.get<DevicePage>('/api/devices?limit=200'),
        clients.get('admin')!.get<DevicePage>('/api/devices?limit=200'),
        supervisor.get<DevicePage>(`/api/devices?elderId=${theirs.elderId}`),
      ]);

      expect(new Set(family.body.devices.map((device) => device.elder?.id))).toEqual(new Set([ours.elderId]));
      expect(new Set(admin.body.devices.map((device) => device.elder?.id))).toEqual(
        new Set([ours.elderId, theirs.elderId]),
      );
      expect(supervisorAll.body).toEqual({ devices: [], total: 0 });
    });

    it('refuses a status it does not know and a limit over 200', async () => {
      expect((await supervisor.get('/api/devices?status=lost')).status).toBe(400);
      expect((await supervisor.get('/api/devices?limit=500')).status).toBe(400);
    });
  });
});
