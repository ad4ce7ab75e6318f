import {
  announceAlertJobId,
  deviceEventJobId,
  JobName,
  QueueName,
  ruleTimerJobId,
  type DeviceEventJob,
} from '@eldercare/contracts';
import { obliterateEveryQueue, openQueue, type JobBusConnection } from '@eldercare/job-bus';
import { DeviceRepository, IngestRepository, openDatabase } from '@eldercare/persistence';
import type { Uplink } from '@eldercare/protocol';
import {
  AppProcess,
  createTestDatabase,
  createTestElder,
  expectEventually,
  testEnvironment,
  type TestDatabase,
} from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

const BUTTONS = 100;
const HEARTBEATS = 20;

describe('a worker killed mid-stream', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let queuePrefix: string;
  let queues: JobBusConnection;
  const workers: AppProcess[] = [];

  const count = async (sql: string) => Number((await dataSource.query(sql))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    queuePrefix = `worker-crash-${randomBytes(4).toString('hex')}`;
    queues = { redis: { url: testEnvironment.redisUrl }, queuePrefix };
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    if (queues) await obliterateEveryQueue(queues);
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Buttons that each sent heartbeats and then a press, stored and queued as the gateway would. */
  async function storeAndQueueEvents(): Promise<void> {
    const registrations = [];
    for (let index = 0; index < BUTTONS; index++) {
      registrations.push({
        id: `btn-crash-${index}`,
        type: 'call_button' as const,
        elderId: await createTestElder(dataSource),
        secretHash: 'unused',
      });
    }
    await new DeviceRepository(dataSource).insert(registrations);
    const start = Date.now() - (HEARTBEATS + 1) * 1000;
    const messages = registrations.flatMap(({ id }) =>
      Array.from({ length: HEARTBEATS + 1 }, (_, index) => {
        const uplink: Uplink =
          index < HEARTBEATS ? { msgId: `h${index}`, kind: 'heartbeat', battery: 90 } : { msgId: 'press', kind: 'sos' };
        const at = new Date(start + index * 1000);
        return {
          deviceId: id,
          msgId: uplink.msgId,
          kind: uplink.kind,
          body: uplink,
          occurredAt: at,
          receivedAt: at,
          uplink,
        };
      }),
    );
    const stored = await new IngestRepository(dataSource).store({ messages, rejections: [], activity: [] });
    const elderOf = new Map(registrations.map((device) => [device.id, device.elderId]));
    const jobs: DeviceEventJob[] = stored.map((row, index) => ({
      eventId: row.id,
      deviceId: row.deviceId,
      deviceType: 'call_button',
      elderId: elderOf.get(row.deviceId)!,
      uplink: messages[index].uplink,
      occurredAt: messages[index].occurredAt.toISOString(),
      receivedAt: messages[index].receivedAt.toISOString(),
      storedAt: row.storedAt.toISOString(),
    }));
    const queue = openQueue(QueueName.DeviceEvents, queues);
    await queue.addBulk(
      jobs.map((data) => ({
        name: JobName.ProcessDeviceEvent,
        data,
        opts: { jobId: deviceEventJobId(data) },
      })),
    );
    await queue.close();
  }

  it('loses no alert, announcement or timer, and shows none twice, after a SIGKILL and a restart', async () => {
    await storeAndQueueEvents();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: testEnvironment.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      WORKER_CONCURRENCY: '2',
      WORKER_LOCK_MS: '1000',
    };
    // As soon as it takes events: the alarm lane's thread, still starting, takes none of these.
    const startWorker = () => AppProcess.start('worker', env, 'taking device events');

    const first = await startWorker();
    workers.push(first);
    await expectEventually(async () =>
      expect(await count('SELECT count(*) AS n FROM alerts')).toBeGreaterThanOrEqual(5),
    );
    await first.kill();
    expect(await count('SELECT count(*) AS n FROM alerts')).toBeLessThan(BUTTONS);

    workers.push(await startWorker());
    await expectEventually(
      async () => expect(await count("SELECT count(*) AS n FROM alerts WHERE rule = 'sos'")).toBe(BUTTONS),
      { timeoutMs: 90_000 },
    );
    expect(
      await count("SELECT count(*) AS n FROM alerts WHERE rule = 'sos' AND trigger_count = 1 AND status = 'raised'"),
    ).toBe(BUTTONS);
    expect(await count('SELECT count(DISTINCT elder_id) AS n FROM alerts')).toBe(BUTTONS);

    // Every button's silent-device timer is waiting in Redis at the due time its rule state wants.
    const timers = openQueue(QueueName.RuleTimers, queues);
    const states: { device_id: string; due: string }[] = await dataSource.query(
      "SELECT device_id, state -> 'timers' ->> 'device-silent' AS due FROM device_rule_states",
    );
    expect(states).toHaveLength(BUTTONS);
    for (const { device_id, due } of states) {
      const job = await timers.getJob(ruleTimerJobId(device_id, 'device-silent', Number(due)));
      expect(await job?.isDelayed()).toBe(true);
    }
    await timers.close();

    // Every alert is announced, the one the crash came between the commit and its queueing included: the outbox
    // written in the alert's transaction is relayed by the worker that restarted.
    const dispatch = openQueue(QueueName.Dispatch, queues);
    const alerts: { id: string }[] = await dataSource.query("SELECT id FROM alerts WHERE rule = 'sos'");
    await expectEventually(async () => expect(await count('SELECT count(*) AS n FROM job_outbox')).toBe(0), {
      timeoutMs: 20_000,
    });
    for (const { id } of alerts)
      expect(await dispatch.getJob(announceAlertJobId(id, 'raised', 1))).toMatchObject({ data: { alertId: id } });
    await dispatch.close();
  }, 120_000);
});
