import { deviceEventJobId, JobName, QueueName, type DeviceEventJob } from '@eldercare/contracts';
import { obliterateEveryQueue, openQueue, type JobBusConnection } from '@eldercare/job-bus';
import { DeviceRepository, IngestRepository, openDatabase, PersistenceModule } from '@eldercare/persistence';
import type { DeviceType, Uplink } from '@eldercare/protocol';
import {
  createTestDatabase,
  createTestElder,
  expectEventually,
  testEnvironment,
  type TestDatabase,
} from '@eldercare/testing';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../worker.module';

/** Connections of the worker's own pool, and passes of readings that can hold them all at once. */
const POOL = 4;
const METERS = POOL;
const WORKER = 'alarm-lane-test-worker';

describe('alarms in a thread of their own', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let queues: JobBusConnection;
  let worker: INestApplicationContext;
  let locker: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    queues = { redis: { url: testEnvironment.redisUrl }, queuePrefix: `alarm-lane-${randomBytes(4).toString('hex')}` };
    locker = new Client({ connectionString: database.url });
    await locker.connect();
  });

  afterAll(async () => {
    await locker?.end();
    await worker?.close();
    if (queues) await obliterateEveryQueue(queues);
    await dataSource?.destroy();
    await database?.drop();
  });

  /** A device of a new elder, with one message stored as the gateway stores it, and its job as the gateway queues it. */
  async function storedEvent(type: DeviceType, uplink: Uplink): Promise<DeviceEventJob> {
    const id = `${type.slice(0, 3)}-${randomBytes(4).toString('hex')}`;
    const elderId = await createTestElder(dataSource);
    await new DeviceRepository(dataSource).insert([{ id, type, elderId, secretHash: 'unused' }]);
    const at = new Date();
    const [row] = await new IngestRepository(dataSource).store({
      messages: [
        { deviceId: id, msgId: uplink.msgId, kind: uplink.kind, body: uplink, occurredAt: at, receivedAt: at },
      ],
      rejections: [],
      activity: [],
    });
    return {
      eventId: row.id,
      deviceId: id,
      deviceType: type,
      elderId,
      uplink,
      occurredAt: at.toISOString(),
      receivedAt: at.toISOString(),
      storedAt: row.storedAt.toISOString(),
    };
  }

  const count = async (sql: string, parameters: unknown[]) => Number((await dataSource.query(sql, parameters))[0].n);

  it('raises an sos while passes of readings hold every connection of the worker and wait', async () => {
    const readings = await Promise.all(
      Array.from({ length: METERS }, (_, index) =>
        storedEvent('water_meter', { msgId: `w${index}`, kind: 'water', totalLiters: 1_000, flowLpm: 0 }),
      ),
    );
    const press = await storedEvent('call_button', { msgId: 'press-1', kind: 'sos' });
    const meterIds = readings.map((reading) => reading.deviceId);

    // The meters' rule states locked, as by a pass of another worker that is slow to commit.
    await locker.query('BEGIN');
    await locker.query('INSERT INTO device_rule_states (device_id) SELECT unnest($1::text[])', [meterIds]);
    await locker.query('SELECT 1 FROM device_rule_states WHERE device_id = ANY($1::text[]) FOR UPDATE', [meterIds]);

    @Module({
      imports: [
        PersistenceModule.forRoot({ url: database.url, poolSize: POOL, applicationName: WORKER }),
        WorkerModule.forRoot({
          ...queues,
          concurrency: METERS,
          alarmConcurrency: 1,
          lockMs: 30_000,
          alarmLane: { runs: 'thread', database: { url: database.url, poolSize: 2 }, logLevel: 'error' },
        }),
      ],
    })
    class TestWorkerModule {}
    worker = await NestFactory.createApplicationContext(TestWorkerModule, { logger: ['error'] });

    // One job, and so one pass, for each meter: together they take every connection of the worker's pool.
    const events = openQueue(QueueName.DeviceEvents, queues);
    for (const reading of readings)
      await events.add(JobName.ProcessDeviceReadings, { readings: [reading] }, { jobId: deviceEventJobId(reading) });
    await events.close();
    await expectEventually(async () =>
      expect(
        await count(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
          [WORKER],
        ),
      ).toBe(POOL),
    );

    const alarms = openQueue(QueueName.DeviceAlarms, queues);
    await alarms.add(JobName.ProcessDeviceEvent, press, { jobId: deviceEventJobId(press) });
    await alarms.close();
    await expectEventually(async () =>
      expect(
        await count("SELECT count(*) AS n FROM alerts WHERE device_id = $1 AND rule = 'sos'", [press.deviceId]),
      ).toBe(1),
    );
    // Raised while every reading still waited.
    const applied = "SELECT count(*) AS n FROM device_rule_states WHERE device_id = ANY($1) AND state ? 'lastApplied'";
    expect(await count(applied, [meterIds])).toBe(0);

    await locker.query('COMMIT');
    await expectEventually(async () => expect(await count(applied, [meterIds])).toBe(METERS));
  });
});
