import { Injectable } from '@nestjs/common';
import { type AlertView, type CallLogEntry, type DispatchEntry, type DispatchKind } from '@eldercare/contracts';
import {
  acknowledgeAlert,
  DomainError,
  isAnsweredOnDevice,
  resolveAlert,
  type AlertOutcome,
  type AlertState,
} from '@eldercare/domain';
import { announceAlertOutboxJob, sendDownlinkOutboxJob } from '@eldercare/job-bus';
import {
  AlertCaseRepository,
  AlertRepository,
  AlertViewRepository,
  ElderRecordRepository,
  type AlertRow,
} from '@eldercare/persistence';
import { ackDownlink, type AckDownlink } from '@eldercare/protocol';
import { platformMetrics } from '@eldercare/metrics';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer';
import { ApiOutbox } from '../outbox/api-outbox';
import { lifeCycleOf, toAlertState } from './alert-state.mapper';
import { toAlertView } from './alert-view.mapper';

/**
 * An operator works an alert: claims it (the device that raised an sos or a fall hears `help-coming`), logs the
 * calls made and the help sent, then resolves it with an outcome (the device hears `resolved`). Two operators
 * claiming at once are served one after the other; the second gets `alert-already-acknowledged`. An alert outside
 * the operator's scope is answered as not found. The downlink and the announcement of a change are written to the
 * outbox in the change's transaction, so an api that dies right after the commit loses neither.
 */
@Injectable()
export class AlertCaseService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly views: AlertViewRepository,
    private readonly cases: AlertCaseRepository,
    private readonly elders: ElderRecordRepository,
    private readonly outbox: ApiOutbox,
  ) {}

  async claim(viewer: Viewer, alertId: string, at = Date.now()): Promise<AlertView> {
    const alert = await this.inScope(viewer, alertId);
    await this.transition(alertId, 'acknowledged', 'help-coming', (state) => acknowledgeAlert(state, viewer.id, at));
    platformMetrics.timeToAcknowledge.observe(
      { severity: alert.severity },
      Math.max(0, at - alert.raisedAt.getTime()) / 1000,
    );
    return this.view(viewer, alertId);
  }

  async resolve(
    viewer: Viewer,
    alertId: string,
    outcome: AlertOutcome,
    reason: string | undefined,
    at = Date.now(),
  ): Promise<AlertView> {
    await this.inScope(viewer, alertId);
    await this.transition(alertId, 'resolved', 'resolved', (alert) => resolveAlert(alert, outcome, reason, at));
    return this.view(viewer, alertId);
  }

  /** Records a call to the elder (`contactIndex` null) or to one of their contacts, with the number on record. */
  async logCall(
    viewer: Viewer,
    alertId: string,
    call: { contactIndex: number | null; answered: boolean; note: string },
  ): Promise<CallLogEntry> {
    const alert = await this.openInScope(viewer, alertId);
    const elder = await this.elders.findInScope(viewer.scope, alert.elder.id);
    const callee =
      call.contactIndex === null
        ? elder && { name: elder.name, phone: elder.phone ?? '' }
        : elder?.contacts[call.contactIndex];
    if (!callee)
      throw new DomainError('contact-not-found', `the elder has no contact number ${call.contactIndex! + 1}`);
    const id = await this.cases.addCall(alertId, {
      byUserId: viewer.id,
      callee: callee.name,
      phone: callee.phone,
      answered: call.answered,
      note: call.note,
    });
    return {
      id,
      at: new Date().toISOString(),
      by: { id: viewer.id, displayName: viewer.displayName },
      callee: callee.name,
      phone: callee.phone,
      answered: call.answered,
      note: call.note,
    };
  }

  async dispatchHelp(
    viewer: Viewer,
    alertId: string,
    dispatch: { kind: DispatchKind; to: string; note: string },
  ): Promise<DispatchEntry> {
    await this.openInScope(viewer, alertId);
    const id = await this.cases.addDispatch(alertId, {
      byUserId: viewer.id,
      kind: dispatch.kind,
      sentTo: dispatch.to,
      note: dispatch.note,
    });
    return { id, at: new Date().toISOString(), by: { id: viewer.id, displayName: viewer.displayName }, ...dispatch };
  }

  /** The first time any console showed the alert: the start of the answer clock that reports measure. */
  async markShown(viewer: Viewer, alertId: string, at = new Date()): Promise<void> {
    await this.inScope(viewer, alertId);
    await this.cases.markShown(alertId, at);
  }

  private async inScope(viewer: Viewer, alertId: string): Promise<AlertRow> {
    const alert = await this.views.findInScope(viewer.scope, alertId);
    if (!alert) throw new DomainError('alert-not-found', 'no alert with this id is yours to see');
    return alert;
  }

  private async openInScope(viewer: Viewer, alertId: string): Promise<AlertRow> {
    const alert = await this.inScope(viewer, alertId);
    if (alert.status === 'resolved') throw new DomainError('alert-not-open', 'the alert is already resolved');
    return alert;
  }

  private async view(viewer: Viewer, alertId: string): Promise<AlertView> {
    return toAlertView(await this.inScope(viewer, alertId));
  }

  private async transition(
    alertId: string,
    change: 'acknowledged' | 'resolved',
    ackState: AckDownlink['state'],
    apply: (alert: AlertState) => AlertState,
  ): Promise<AlertState> {
    const { next, queued } = await this.alerts.inAlertTransaction(alertId, async (manager, stored) => {
      if (!stored) throw new DomainError('alert-not-found', 'no alert has this id');
      const next = apply(toAlertState(stored));
      await this.alerts.saveLifeCycle(manager, alertId, lifeCycleOf(next));
      const ref = stored.deviceId && isAnsweredOnDevice(next.rule) ? stored.sourceMsgId : null;
      const queued = await this.outbox.write(manager, [
        ...(stored.deviceId && ref
          ? [sendDownlinkOutboxJob({ deviceId: stored.deviceId, downlink: ackDownlink(randomUUID(), ref, ackState) })]
          : []),
        announceAlertOutboxJob({ alertId, change }, 1),
      ]);
      return { next, queued };
    });
    await this.outbox.committed(queued);
    return next;
  }
}
