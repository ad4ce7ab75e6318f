import {
  DispatchPriority,
  JobName,
  QueueName,
  type AnnounceAlertJob,
  type AnnounceWorkOrderJob,
} from '@eldercare/contracts';
import { expectEventually, testEnvironment } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import type { JobBusConnection } from './job-bus.connection';
import { consume, type JobConsumer, type JobHandlers } from './job-consumer';
import { obliterateEveryQueue, openQueue, type JobQueue } from './job-queue';

describe('the job bus on Redis', () => {
  const logged: string[] = [];
  const logger = { error: (message: string) => void logged.push(message) };
  let connection: JobBusConnection;
  let dispatch: JobQueue<'dispatch'>;
  let consumer: JobConsumer | undefined;

  beforeEach(() => {
    connection = { redis: { url: testEnvironment.redisUrl }, queuePrefix: `bus-${randomBytes(4).toString('hex')}` };
    dispatch = openQueue(QueueName.Dispatch, connection);
    logged.length = 0;
  });

  afterEach(async () => {
    await consumer?.close();
    await dispatch.close();
    await obliterateEveryQueue(connection);
  });

  function consumeDispatch(handlers: Partial<JobHandlers<'dispatch'>>): {
    alerts: AnnounceAlertJob[];
    orders: AnnounceWorkOrderJob[];
  } {
    const alerts: AnnounceAlertJob[] = [];
    const orders: AnnounceWorkOrderJob[] = [];
    consumer = consume(
      QueueName.Dispatch,
      {
        [JobName.AnnounceAlert]: async (data) => void alerts.push(data),
        [JobName.AnnounceWorkOrder]: async (data) => void orders.push(data),
        ...handlers,
      },
      connection,
      { logger },
    );
    return { alerts, orders };
  }

  it('carries each job from its producer to the handler of its name, payload intact', async () => {
    const { alerts, orders } = consumeDispatch({});

    await dispatch.add(JobName.AnnounceAlert, { alertId: 'a-1', change: 'escalated', step: 'supervisors' });
    await dispatch.addBulk([{ name: JobName.AnnounceWorkOrder, data: { workOrderId: 'w-1', seq: '7' } }]);

    await expectEventually(() => {
      expect(alerts).toEqual([{ alertId: 'a-1', change: 'escalated', step: 'supervisors' }]);
      expect(orders).toEqual([{ workOrderId: 'w-1', seq: '7' }]);
    });
  });

  it('retries the jobs that carry a press to the console every second for a day, through a long outage', async () => {
    const alarms = openQueue(QueueName.DeviceAlarms, connection);
    const announcements = openQueue(QueueName.Dispatch, connection);
    try {
      const alarm = await alarms.add(JobName.ProcessDeviceEvent, {
        eventId: '1',
        deviceId: 'btn-1',
        deviceType: 'call_button',
        elderId: null,
        uplink: { msgId: 'm-1', kind: 'sos' },
        occurredAt: new Date(0).toISOString(),
        receivedAt: new Date(0).toISOString(),
        storedAt: new Date(0).toISOString(),
      });
      const announcement = await announcements.add(JobName.AnnounceAlert, { alertId: 'a-1', change: 'raised' });
      for (const job of [alarm, announcement])
        expect(job.opts).toMatchObject({ attempts: 86_400, backoff: { type: 'fixed', delay: 1_000 } });
      expect(announcement.opts.priority).toBe(DispatchPriority.Routine);
    } finally {
      await Promise.all([alarms.close(), announcements.close()]);
    }
  });

  it('queues with the platform job options, and a producer may change some for itself', async () => {
    const kept = openQueue(QueueName.DeviceDownlinks, connection, { removeOnComplete: { count: 5 } });
    try {
      const job = await kept.add(JobName.SendDownlink, {
        deviceId: 'btn-1',
        downlink: { msgId: 'd-1', kind: 'ack', ref: 'm-1', state: 'received' },
      });
      expect(job.opts).toMatchObject({ attempts: 8, removeOnComplete: { count: 5 }, removeOnFail: expect.anything() });
    } finally {
      await kept.close();
    }
  });

  it('retries a job whose handler failed, with backoff, until it succeeds', async () => {
    let attempts = 0;
    consumeDispatch({
      [JobName.AnnounceAlert]: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('socket server not ready');
      },
    });

    const job = await dispatch.add(JobName.AnnounceAlert, { alertId: 'a-2', change: 'raised' });

    await expectEventually(async () => expect(await dispatch.getJobState(job.id!)).toBe('completed'));
    expect(attempts).toBe(2);
    expect(logged).toEqual([expect.stringContaining(`dispatch job ${job.id} (announce-alert) failed (attempt 1)`)]);
  });

  it('fails for good, on its first attempt, a job of a name its queue does not have', async () => {
    const { alerts, orders } = consumeDispatch({});

    // @ts-expect-error: sending a downlink is a job of `device-downlinks`, not of `dispatch`
    const job = await dispatch.add(JobName.SendDownlink, { deviceId: 'btn-1' });

    await expectEventually(async () => expect(await dispatch.getJobState(job.id!)).toBe('failed'));
    const failed = await dispatch.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toBe('dispatch has no job named send-downlink');
    expect([...alerts, ...orders]).toEqual([]);
  });

  it('takes an alarm announcement before every routine one queued ahead of it, and those in the order queued', async () => {
    const routine = Array.from({ length: 300 }, (_, index) => ({
      name: JobName.AnnounceWorkOrder,
      data: { workOrderId: `w-${index}`, seq: '1' },
    }));
    await dispatch.addBulk(routine);
    await dispatch.add(
      JobName.AnnounceAlert,
      { alertId: 'sos-1', change: 'raised' },
      { priority: DispatchPriority.Alarm },
    );
    const taken: string[] = [];
    consumeDispatch({
      [JobName.AnnounceAlert]: async ({ alertId }) => void taken.push(alertId),
      [JobName.AnnounceWorkOrder]: async ({ workOrderId }) => void taken.push(workOrderId),
    });

    await expectEventually(() => expect(taken).toHaveLength(301));
    expect(taken).toEqual(['sos-1', ...routine.map((job) => job.data.workOrderId)]);
  });
});
