import type { AnnounceAlertJob, AnnounceWorkOrderJob, EscalateAlertJob } from './alert.jobs';
import type { DeviceEventJob, DeviceReadingsJob } from './device-event.job';
import type { DeviceStatusJob } from './device-status.job';
import { JobName, QueueName } from './queue-names';
import type { CheckWaterBaselineJob, RuleTimerJob } from './rule-timer.job';
import type { ArchiveMonthlyReportJob } from './report.jobs';
import type { SendDownlinkJob } from './send-downlink.job';

/** The payload of a job that carries only its name, as the ones a job scheduler makes. */
export type NoPayload = Record<string, never>;

/**
 * Each queue's job names with their payloads: the one contract its producers and consumers are typed by. A queue
 * missing here cannot be opened, and a job name missing here can be neither queued nor consumed.
 */
export interface QueueJobs {
  [QueueName.DeviceEvents]: {
    /** The readings of one gateway batch. */
    [JobName.ProcessDeviceReadings]: DeviceReadingsJob;
    /** One reading: what gateways before the batch job queued. */
    [JobName.ProcessDeviceEvent]: DeviceEventJob;
    [JobName.ProcessDeviceStatus]: DeviceStatusJob;
  };
  [QueueName.DeviceAlarms]: {
    /** The same payload and job id as on `device-events`: only the lane differs. */
    [JobName.ProcessDeviceEvent]: DeviceEventJob;
  };
  [QueueName.RuleTimers]: {
    [JobName.FireRuleTimer]: RuleTimerJob;
    /** The hourly fan-out, made by a job scheduler. */
    [JobName.CheckWaterBaselines]: NoPayload;
    [JobName.CheckWaterBaseline]: CheckWaterBaselineJob;
  };
  [QueueName.AlertEscalations]: {
    [JobName.EscalateAlert]: EscalateAlertJob;
  };
  [QueueName.Dispatch]: {
    [JobName.AnnounceAlert]: AnnounceAlertJob;
    [JobName.AnnounceWorkOrder]: AnnounceWorkOrderJob;
  };
  [QueueName.DeviceDownlinks]: {
    [JobName.SendDownlink]: SendDownlinkJob;
  };
  [QueueName.HomeCare]: {
    /** All made by job schedulers. */
    [JobName.GenerateWorkOrders]: NoPayload;
    [JobName.SweepMissedVisits]: NoPayload;
    [JobName.ReleaseAbandonedVolunteerRequests]: NoPayload;
    [JobName.SweepOverdueRiskVisits]: NoPayload;
  };
  [QueueName.Reports]: {
    /** Made by a job scheduler on the first of each month, or queued by hand for one month. */
    [JobName.ArchiveMonthlyReport]: ArchiveMonthlyReportJob;
  };
}

/** The job names of one queue. */
export type JobNameOf<Q extends QueueName> = keyof QueueJobs[Q] & JobName;

/** The payload of one job name of one queue. */
export type JobPayload<Q extends QueueName, N extends JobNameOf<Q>> = QueueJobs[Q][N];
