/**
 * Compile-time proofs of the job map, checked by `npm run typecheck` (never run): each `@ts-expect-error` line must
 * fail to compile, or the check fails on the unused directive.
 */
import { JobName, QueueName, type DeviceEventJob, type DeviceStatusJob } from '@eldercare/contracts';
import type { JobBusConnection } from './job-bus.connection';
import { consume, type JobBusLogger } from './job-consumer';
import type { JobQueue } from './job-queue';

export async function producerProofs(
  events: JobQueue<'device-events'>,
  dispatch: JobQueue<'dispatch'>,
  homeCare: JobQueue<'home-care'>,
  event: DeviceEventJob,
  status: DeviceStatusJob,
): Promise<void> {
  await events.add(JobName.ProcessDeviceEvent, event);
  await events.addBulk([
    { name: JobName.ProcessDeviceEvent, data: event },
    { name: JobName.ProcessDeviceStatus, data: status },
  ]);
  // @ts-expect-error: a status is not the payload of a device event
  await events.add(JobName.ProcessDeviceEvent, status);
  // @ts-expect-error: an event is not the payload of a status
  await events.addBulk([{ name: JobName.ProcessDeviceStatus, data: event }]);
  // @ts-expect-error: announcing an alert is a job of `dispatch`, not of `device-events`
  await events.add(JobName.AnnounceAlert, { alertId: 'a', change: 'raised' });
  // @ts-expect-error: an alert's announcement names its alert, not a work order
  await dispatch.add(JobName.AnnounceAlert, { workOrderId: 'w', seq: '1' });
  // @ts-expect-error: an alert's announcement has one of the known changes
  await dispatch.add(JobName.AnnounceAlert, { alertId: 'a', change: 'forgotten' });
  await homeCare.upsertJobScheduler('sweep', { every: 60_000 }, { name: JobName.SweepMissedVisits });
  // @ts-expect-error: a scheduler makes jobs of its own queue only
  await homeCare.upsertJobScheduler('sweep', { every: 60_000 }, { name: JobName.CheckWaterBaselines });

  const [job] = await dispatch.getJobs('completed');
  if (job?.name === JobName.AnnounceWorkOrder) {
    const seq: string = job.data.seq;
    // @ts-expect-error: a work order's announcement has no alert
    void job.data.alertId;
    void seq;
  }
}

export function consumerProofs(connection: JobBusConnection, logger: JobBusLogger): void {
  const settings = { logger };
  consume(
    QueueName.Dispatch,
    {
      [JobName.AnnounceAlert]: async ({ alertId }) => alertId,
      [JobName.AnnounceWorkOrder]: async ({ workOrderId }) => workOrderId,
    },
    connection,
    settings,
  );
  consume(
    QueueName.Dispatch,
    // @ts-expect-error: the work-order announcements have no handler
    { [JobName.AnnounceAlert]: async () => undefined },
    connection,
    settings,
  );
  consume(
    QueueName.DeviceDownlinks,
    {
      [JobName.SendDownlink]: async () => undefined,
      // @ts-expect-error: escalations are not jobs of `device-downlinks`
      [JobName.EscalateAlert]: async () => undefined,
    },
    connection,
    settings,
  );
  consume(
    QueueName.AlertEscalations,
    {
      // @ts-expect-error: an escalation's payload has no device
      [JobName.EscalateAlert]: async ({ deviceId }) => deviceId,
    },
    connection,
    settings,
  );
}
