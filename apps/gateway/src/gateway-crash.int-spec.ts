import { JobName, QueueName } from '@eldercare/contracts';
import { SimulatedDevice } from '@eldercare/devices';
import { openQueue, type JobQueue } from '@eldercare/job-bus';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import {
  AppProcess,
  createTestDatabase,
  expectEventually,
  testEnvironment,
  type TestDatabase,
} from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestBroker, type BrokerMode, type TestBroker } from '@eldercare/test/broker/test-broker';

const DEVICES = 10;
const MESSAGES_PER_DEVICE = 100;
const TOTAL = DEVICES * MESSAGES_PER_DEVICE;

describe.each<BrokerMode>(['mosquitto', 'embedded'])('a gateway killed mid-stream (%s broker)', (mode) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;
  let queue: JobQueue<'device-events'>;
  let gatewayEnv: Record<string, string>;
  const meters: SimulatedDevice[] = [];
  const gateways: AppProcess[] = [];
  const startGateway = () => AppProcess.start('gateway', gatewayEnv, 'ingesting from');

  const storedCount = async () => Number((await dataSource.query('SELECT count(*) AS n FROM device_messages'))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    broker = await startTestBroker(mode, new DeviceRepository(dataSource));
    const ids = Array.from({ length: DEVICES }, (_, index) => `wm-crash-${index}`);
    const issued = await broker.registerDevices(ids.map((id) => ({ id, type: 'water_meter' as const, elderId: null })));
    for (const { deviceId, secret } of issued)
      meters.push(await SimulatedDevice.connect({ url: broker.url, deviceId, type: 'water_meter', secret }));
    const queuePrefix = `crash-${randomBytes(4).toString('hex')}`;
    queue = openQueue(QueueName.DeviceEvents, { redis: { url: testEnvironment.redisUrl }, queuePrefix });
    gatewayEnv = {
      DATABASE_URL: database.url,
      REDIS_URL: testEnvironment.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      MQTT_URL: broker.url,
      MQTT_USERNAME: broker.service.username,
      MQTT_PASSWORD: broker.service.password,
      MQTT_SHARED_SUBSCRIPTION: String(broker.sharedSubscription),
      GATEWAY_CONNECTIONS: broker.sharedSubscription ? '4' : '1',
      GATEWAY_ID: 'crash-test',
    };
  });

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.kill()));
    await Promise.all(meters.map((meter) => meter.close()));
    await queue?.obliterate({ force: true });
    await queue?.close();
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Each meter sends readings `from` up to `to` (exclusive), all at once, QoS 1. */
  const sendReadings = (from: number, to: number) =>
    Promise.all(
      meters.map(async (meter) => {
        for (let reading = from; reading < to; reading++)
          await meter.send({ kind: 'water', totalLiters: 1000 + reading, flowLpm: 0 });
      }),
    );

  it('stores all 1,000 messages exactly once after a SIGKILL and a restart', async () => {
    const first = await startGateway();
    gateways.push(first);
    const half = MESSAGES_PER_DEVICE / 2;
    await sendReadings(0, half);
    await expectEventually(async () => expect(await storedCount()).toBeGreaterThanOrEqual(100));
    await first.kill();
    const storedAtKill = await storedCount();

    // The rest arrives while no gateway runs: the broker keeps it in the gateway's persistent session.
    await sendReadings(half, MESSAGES_PER_DEVICE);
    expect(storedAtKill).toBeLessThan(TOTAL);

    gateways.push(await startGateway());
    await expectEventually(async () => expect(await storedCount()).toBe(TOTAL), { timeoutMs: 60_000 });
    const perDevice = await dataSource.query(
      'SELECT device_id, count(*)::int AS n, count(DISTINCT msg_id)::int AS distinct_ids FROM device_messages GROUP BY device_id',
    );
    expect(perDevice).toHaveLength(DEVICES);
    for (const row of perDevice)
      expect(row).toMatchObject({ n: MESSAGES_PER_DEVICE, distinct_ids: MESSAGES_PER_DEVICE });
    // Every stored message handed on to the worker, in the job of a batch (a batch redelivered after the kill may
    // have been cut differently and queued again: the worker applies by the device's stored messages, once).
    const storedIds: string[] = (await dataSource.query('SELECT id::text AS id FROM device_messages')).map(
      (row: { id: string }) => row.id,
    );
    await expectEventually(async () => {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
      const queued = new Set(
        jobs.flatMap((job) =>
          job.name === JobName.ProcessDeviceReadings ? job.data.readings.map((reading) => reading.eventId) : [],
        ),
      );
      expect([...queued].sort()).toEqual(storedIds.sort());
    });
    // Its waits allow a minute for the restarted gateway to store the backlog: the test must allow them as much.
  }, 120_000);
});
