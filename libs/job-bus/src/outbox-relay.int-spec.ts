import { JobName, QueueName } from '@eldercare/contracts';
import { JobOutboxRepository, openDatabase, type OutboxJob } from '@eldercare/persistence';
import { createTestDatabase, testEnvironment, type TestDatabase } from '@eldercare/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { obliterateEveryQueue, openQueue, type JobQueue } from './job-queue';
import { OutboxRelay } from './outbox-relay';

describe('the outbox relay', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let outbox: JobOutboxRepository;
  let queues: { dispatch: JobQueue<'dispatch'>; escalations: JobQueue<'alert-escalations'> };
  let sut: OutboxRelay;
  const options = {
    redis: { url: testEnvironment.redisUrl },
    queuePrefix: `outbox-${randomBytes(4).toString('hex')}`,
  };

  const rows = async (): Promise<number> => (await dataSource.query('SELECT count(*)::int AS n FROM job_outbox'))[0].n;
  const announcement = (alertId: string): OutboxJob => ({
    queue: QueueName.Dispatch,
    name: JobName.AnnounceAlert,
    jobId: `announce-${alertId}-raised-1`,
    data: { alertId, change: 'raised' },
    priority: 1,
  });
  /** Rows written `ageMs` ago, as a process that committed them and died before queueing would have left them. */
  const leftBehind = async (jobs: OutboxJob[], ageMs: number) => {
    const written = await dataSource.transaction((manager) => outbox.add(manager, jobs));
    await dataSource.query(
      `UPDATE job_outbox SET created_at = now() - $1 * interval '1 millisecond' WHERE id = ANY($2::bigint[])`,
      [ageMs, written.map((entry) => entry.id)],
    );
    return written;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    outbox = new JobOutboxRepository(dataSource);
    queues = {
      dispatch: openQueue(QueueName.Dispatch, options),
      escalations: openQueue(QueueName.AlertEscalations, options),
    };
    sut = new OutboxRelay(outbox, [queues.dispatch, queues.escalations]);
  });

  afterEach(async () => {
    await dataSource.query('DELETE FROM job_outbox');
  });

  afterAll(async () => {
    await Promise.all([queues?.dispatch.close(), queues?.escalations.close()]);
    await obliterateEveryQueue(options);
    await dataSource?.destroy();
    await database?.drop();
  });

  it('queues what a committed pass wrote and deletes it', async () => {
    const alertId = randomUUID();
    const dueAt = Date.now() + 60_000;
    const written = await dataSource.transaction((manager) =>
      outbox.add(manager, [
        announcement(alertId),
        {
          queue: QueueName.AlertEscalations,
          name: JobName.EscalateAlert,
          jobId: `escalate-${alertId}-re-notify`,
          data: { alertId, step: 're-notify' },
          dueAt,
        },
      ]),
    );

    await sut.relay(written);

    const announced = await queues.dispatch.getJob(`announce-${alertId}-raised-1`);
    expect(announced).toMatchObject({ data: { alertId, change: 'raised' }, opts: { priority: 1 } });
    const escalation = await queues.escalations.getJob(`escalate-${alertId}-re-notify`);
    expect(await escalation?.isDelayed()).toBe(true);
    expect(escalation!.opts.delay).toBeGreaterThan(50_000);
    expect(await rows()).toBe(0);
  });

  it('relays the rows a process left behind when it died between its commit and its queues', async () => {
    const alertIds = [randomUUID(), randomUUID()];
    await leftBehind(alertIds.map(announcement), 10_000);

    expect(await sut.sweep()).toBe(2);

    for (const alertId of alertIds)
      expect(await queues.dispatch.getJob(`announce-${alertId}-raised-1`)).toMatchObject({ data: { alertId } });
    expect(await rows()).toBe(0);
  });

  it('leaves rows just written to the process that wrote them', async () => {
    await leftBehind([announcement(randomUUID())], 0);

    expect(await sut.sweep()).toBe(0);
    expect(await rows()).toBe(1);
  });

  it('leaves rows of queues it is not given to the processes that produce to them', async () => {
    await leftBehind(
      [
        {
          queue: QueueName.DeviceDownlinks,
          name: JobName.SendDownlink,
          jobId: `downlink-${randomUUID()}`,
          data: { deviceId: 'btn-1' },
        },
      ],
      10_000,
    );

    expect(await sut.sweep()).toBe(0);
    expect(await rows()).toBe(1);
  });

  it('queues a row once when its writer queues it after a relay did (a slow writer, not a dead one)', async () => {
    const alertId = randomUUID();
    const [entry] = await leftBehind([announcement(alertId)], 10_000);

    expect(await sut.sweep()).toBe(1);
    await sut.relay([entry]);

    const jobs = await queues.dispatch.getJobs(['waiting', 'prioritized', 'active', 'completed']);
    expect(jobs.filter((job) => 'alertId' in job.data && job.data.alertId === alertId)).toHaveLength(1);
  });

  it('relays the rows of every queue it is given: the api relays downlinks beside its announcements', async () => {
    const downlinks = openQueue(QueueName.DeviceDownlinks, options);
    const apiRelay = new OutboxRelay(outbox, [queues.dispatch, downlinks]);
    const downlink = {
      queue: QueueName.DeviceDownlinks,
      name: JobName.SendDownlink,
      jobId: `downlink-btn-1-${randomUUID()}`,
      data: { deviceId: 'btn-1' },
    };
    await leftBehind([downlink, announcement(randomUUID())], 10_000);

    try {
      expect(await apiRelay.sweep()).toBe(2);
      expect(await downlinks.getJob(downlink.jobId)).toMatchObject({ name: JobName.SendDownlink, data: downlink.data });
      expect(await rows()).toBe(0);
    } finally {
      await downlinks.close();
    }
  });

  it('writes a job id waiting in the outbox once', async () => {
    const job = announcement(randomUUID());
    const first = await dataSource.transaction((manager) => outbox.add(manager, [job]));
    const second = await dataSource.transaction((manager) => outbox.add(manager, [job]));

    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    expect(await rows()).toBe(1);
  });
});
