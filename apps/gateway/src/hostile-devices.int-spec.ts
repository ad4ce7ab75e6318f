import { SimulatedDevice } from '@eldercare/devices';
import { openQueue, type JobQueue } from '@eldercare/job-bus';
import { QueueName } from '@eldercare/contracts';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import type { DeviceType } from '@eldercare/protocol';
import { createTestDatabase, expectEventually, testEnvironment, type TestDatabase } from '@eldercare/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestBroker, type TestBroker } from '@eldercare/test/broker/test-broker';
import { startTestGateway, testGatewayOptions } from '@eldercare/test/gateway/test-gateway';

/** Small, so a test floods it with few messages; one a minute, so no token comes back while a test runs. */
const DEVICE_LIMIT = { perMinute: 1, burst: 20 };
const FLOOD = 1_000;

/** A register the database refuses to hold: stands for any value Postgres cannot store (out of range, too large). */
const UNSTORABLE_LITERS = 2_000_000_000;

describe('gateway facing hostile devices (Mosquitto, shared subscription)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;
  let gateway: INestApplicationContext;
  let events: JobQueue<'device-events'>;
  let alarms: JobQueue<'device-alarms'>;
  const devices: SimulatedDevice[] = [];

  async function connectDevice(id: string, type: DeviceType): Promise<SimulatedDevice> {
    const [credentials] = await broker.registerDevices([{ id, type, elderId: null }]);
    const device = await SimulatedDevice.connect({
      url: broker.url,
      deviceId: id,
      type,
      secret: credentials.secret,
      reconnectPeriodMs: 0,
    });
    devices.push(device);
    return device;
  }

  const storedMsgIds = async (deviceId: string): Promise<string[]> =>
    (await dataSource.query('SELECT msg_id FROM device_messages WHERE device_id = $1 ORDER BY msg_id', [deviceId])).map(
      (row: { msg_id: string }) => row.msg_id,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    await dataSource.query(
      `ALTER TABLE device_messages ADD CONSTRAINT device_messages_register_fits
       CHECK (coalesce((body->>'totalLiters')::numeric, 0) < ${UNSTORABLE_LITERS})`,
    );
    broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
    const queuePrefix = `test-${randomBytes(4).toString('hex')}`;
    gateway = await startTestGateway(database.url, {
      ...testGatewayOptions(broker, queuePrefix),
      deviceLimit: DEVICE_LIMIT,
    });
    events = openQueue(QueueName.DeviceEvents, { redis: { url: testEnvironment.redisUrl }, queuePrefix });
    alarms = openQueue(QueueName.DeviceAlarms, { redis: { url: testEnvironment.redisUrl }, queuePrefix });
  });

  afterAll(async () => {
    await Promise.all(devices.map((device) => device.close()));
    await gateway?.close();
    await Promise.all([events?.obliterate({ force: true }), alarms?.obliterate({ force: true })]);
    await Promise.all([events?.close(), alarms?.close()]);
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  describe('a message the database refuses', () => {
    it('is refused alone, recorded as not-stored and answered with rejected, while its batch is stored', async () => {
      const [poisoned, neighbour] = await Promise.all([
        connectDevice('wm-unstorable-1', 'water_meter'),
        connectDevice('wm-neighbour-1', 'water_meter'),
      ]);
      const readings = (device: SimulatedDevice, from: number) =>
        Array.from({ length: 6 }, (_, i) => device.send({ kind: 'water', totalLiters: from + i }));

      const [before, bad, after, others] = await Promise.all([
        Promise.all(readings(poisoned, 100)),
        poisoned.send({ kind: 'water', totalLiters: UNSTORABLE_LITERS }),
        Promise.all(readings(poisoned, 200)),
        Promise.all(readings(neighbour, 300)),
      ]);

      const rejected = await poisoned.nextDownlink((downlink) => downlink.kind === 'rejected', 15_000);
      expect(rejected).toMatchObject({ ref: bad.msgId, reason: expect.stringMatching(/^not-stored: /) });
      const good = (uplinks: { msgId: string }[]) => uplinks.map((uplink) => uplink.msgId);
      await expectEventually(async () => {
        expect(await storedMsgIds(poisoned.deviceId)).toEqual([...good(before), ...good(after)].sort());
        expect(await storedMsgIds(neighbour.deviceId)).toEqual(good(others).sort());
      });
      expect(
        await dataSource.query('SELECT code, topic FROM rejected_messages WHERE device_id = $1', [poisoned.deviceId]),
      ).toEqual([{ code: 'not-stored', topic: `eldercare/v1/devices/${poisoned.deviceId}/up` }]);
    });

    it('does not hold back what comes after it: a later press is stored and answered', async () => {
      const meter = await connectDevice('wm-unstorable-2', 'water_meter');
      const button = await connectDevice('btn-after-unstorable-1', 'call_button');
      await meter.send({ kind: 'water', totalLiters: UNSTORABLE_LITERS });
      const sos = await button.send({ kind: 'sos' });

      await expect(
        button.nextDownlink((downlink) => downlink.kind === 'ack' && downlink.ref === sos.msgId, 15_000),
      ).resolves.toMatchObject({ state: 'received' });
      await meter.nextDownlink((downlink) => downlink.kind === 'rejected', 15_000);
      const next = await meter.send({ kind: 'water', totalLiters: 12 });
      await expectEventually(async () => expect(await storedMsgIds(meter.deviceId)).toEqual([next.msgId]));
    });
  });

  describe('a device that floods', () => {
    const count = async (sql: string, deviceId: string) => Number((await dataSource.query(sql, [deviceId]))[0].count);
    const storedReadings = (deviceId: string) =>
      count(`SELECT count(*) FROM device_messages WHERE device_id = $1 AND kind = 'vitals'`, deviceId);
    const refusedOverLimit = (deviceId: string) =>
      count(`SELECT count(*) FROM rejected_messages WHERE device_id = $1 AND code = 'rate-limited'`, deviceId);

    it('is held to its limit, the excess recorded as rate-limited, while its own and everyone else’s sos pass', async () => {
      const [flooder, neighbour] = await Promise.all([
        connectDevice('watch-flood-1', 'wearable'),
        connectDevice('btn-beside-flood-1', 'call_button'),
      ]);
      const flooding = Promise.all(Array.from({ length: FLOOD }, (_, i) => flooder.send({ kind: 'vitals', steps: i })));
      const [neighbourSos] = await Promise.all([
        neighbour.send({ kind: 'sos' }),
        flooder.publishRaw('{"msgId":"flood-sos","kind":"sos"}', { topic: 'eldercare/v1/devices/watch-flood-1/alarm' }),
      ]);

      await neighbour.nextDownlink((d) => d.kind === 'ack' && d.ref === neighbourSos.msgId, 15_000);
      const handledWhenAnswered = (await storedReadings(flooder.deviceId)) + (await refusedOverLimit(flooder.deviceId));
      expect(handledWhenAnswered).toBeLessThan(FLOOD);
      await flooding;
      await expectEventually(
        async () => {
          expect(await storedReadings(flooder.deviceId)).toBe(DEVICE_LIMIT.burst);
          expect(await refusedOverLimit(flooder.deviceId)).toBe(FLOOD - DEVICE_LIMIT.burst);
        },
        { timeoutMs: 30_000 },
      );
      await flooder.nextDownlink((d) => d.kind === 'ack' && d.ref === 'flood-sos', 15_000);
      expect(await storedMsgIds(flooder.deviceId)).toContain('flood-sos');
      const refused = flooder.downlinks.find((d) => d.kind === 'rejected');
      expect(refused).toMatchObject({ reason: expect.stringMatching(/^rate-limited: /), ref: expect.any(String) });
      const heartbeat = await neighbour.send({ kind: 'heartbeat', battery: 90 });
      await expectEventually(async () => expect(await storedMsgIds(neighbour.deviceId)).toContain(heartbeat.msgId));
    });
  });
});
