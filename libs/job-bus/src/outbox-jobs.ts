import {
  announceAlertJobId,
  announceWorkOrderJobId,
  escalateAlertJobId,
  JobName,
  QueueName,
  sendDownlinkJobId,
  type AnnounceAlertJob,
  type EscalateAlertJob,
  type SendDownlinkJob,
} from '@eldercare/contracts';
import type { OutboxJob } from '@eldercare/persistence';

/**
 * The outbox rows of the platform's jobs that follow a committed change, each under the job id that makes it
 * idempotent: written in the change's transaction, queued by the `OutboxRelay` once it has committed.
 */

/** An alert's change for the consoles, once per change and revision; `priority` puts alarms ahead on `dispatch`. */
export function announceAlertOutboxJob(job: AnnounceAlertJob, revision: number | string, priority?: number): OutboxJob {
  return {
    queue: QueueName.Dispatch,
    name: JobName.AnnounceAlert,
    jobId: announceAlertJobId(job.alertId, job.change, revision),
    data: job,
    ...(priority === undefined ? {} : { priority }),
  };
}

/** A work order's change for everyone with a part in it, once per `seq` the change gave it. */
export function announceWorkOrderOutboxJob(workOrderId: string, seq: string): OutboxJob {
  return {
    queue: QueueName.Dispatch,
    name: JobName.AnnounceWorkOrder,
    jobId: announceWorkOrderJobId(workOrderId, seq),
    data: { workOrderId, seq },
  };
}

/** An escalation step of an alert, due at `dueAt` (epoch ms). */
export function escalateAlertOutboxJob(job: EscalateAlertJob, dueAt: number): OutboxJob {
  return {
    queue: QueueName.AlertEscalations,
    name: JobName.EscalateAlert,
    jobId: escalateAlertJobId(job.alertId, job.step),
    data: job,
    dueAt,
  };
}

/** A downlink for the gateway to send to a device, once per message id. */
export function sendDownlinkOutboxJob(job: SendDownlinkJob): OutboxJob {
  return { queue: QueueName.DeviceDownlinks, name: JobName.SendDownlink, jobId: sendDownlinkJobId(job), data: job };
}
