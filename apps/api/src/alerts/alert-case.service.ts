import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  announceAlertJobId,
  JobName,
  QueueName,
  sendDownlinkJobId,
  type AnnounceAlertJob,
  type SendDownlinkJob,
} from '@eldercare/contracts';
import { acknowledgeAlert, DomainError, resolveAlert, type AlertOutcome, type AlertState } from '@eldercare/domain';
import { AlertRepository } from '@eldercare/persistence';
import { ackDownlink, isAcknowledgedKind, type AckDownlink } from '@eldercare/protocol';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { lifeCycleOf, toAlertState } from './alert-state.mapper';

/**
 * An operator works an alert: claims it (the device that raised an sos or a fall hears `help-coming`), then
 * resolves it with an outcome (the device hears `resolved`). Two operators claiming at once are served one after
 * the other; the second gets `alert-already-acknowledged`.
 */
@Injectable()
export class AlertCaseService implements OnApplicationShutdown {
  private readonly downlinks: Queue<SendDownlinkJob>;
  private readonly dispatch: Queue<AnnounceAlertJob>;

  constructor(
    private readonly alerts: AlertRepository,
    @Inject(API_OPTIONS) options: ApiOptions,
  ) {
    const settings = { connection: options.redis, prefix: options.queuePrefix, defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 500 } } };
    this.downlinks = new Queue<SendDownlinkJob>(QueueName.DeviceDownlinks, settings);
    this.dispatch = new Queue<AnnounceAlertJob>(QueueName.Dispatch, settings);
  }

  acknowledge(alertId: string, operatorId: string, at = Date.now()): Promise<AlertState> {
    return this.transition(alertId, 'acknowledged', 'help-coming', (alert) => acknowledgeAlert(alert, operatorId, at));
  }

  resolve(alertId: string, outcome: AlertOutcome, reason: string | undefined, at = Date.now()): Promise<AlertState> {
    return this.transition(alertId, 'resolved', 'resolved', (alert) => resolveAlert(alert, outcome, reason, at));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.downlinks.close(), this.dispatch.close()]);
  }

  private async transition(
    alertId: string,
    change: 'acknowledged' | 'resolved',
    ackState: AckDownlink['state'],
    apply: (alert: AlertState) => AlertState,
  ): Promise<AlertState> {
    const { next, deviceId, ref } = await this.alerts.inAlertTransaction(alertId, async (manager, stored) => {
      if (!stored) throw new DomainError('alert-not-found', 'no alert has this id');
      const next = apply(toAlertState(stored));
      await this.alerts.saveLifeCycle(manager, alertId, lifeCycleOf(next));
      return { next, deviceId: stored.deviceId, ref: isAcknowledgedKind(stored.rule) ? stored.sourceMsgId : null };
    });
    if (ref) {
      const job: SendDownlinkJob = { deviceId, downlink: ackDownlink(randomUUID(), ref, ackState) };
      await this.downlinks.add(JobName.SendDownlink, job, { jobId: sendDownlinkJobId(job) });
    }
    await this.dispatch.add(JobName.AnnounceAlert, { alertId, change }, { jobId: announceAlertJobId(alertId, change, 1) });
    return next;
  }
}
