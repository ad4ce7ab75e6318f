import type { CareCallDay, CareCallRecord } from '@eldercare/contracts';
import {
  ageOn,
  CARE_CALL_EVERY_DAYS,
  careCallDue,
  careCallRaisesCheckOn,
  DAY_MS,
  LOCAL_UTC_OFFSET_MS,
  localDayStart,
  maskPhone,
  seesInFull,
  severityOf,
  type CareCallOutcome,
} from '@eldercare/domain';
import { AlertRepository, AuditRepository, CareCallRepository, type CareCallRow } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { announcementOfTrigger, ApiOutbox } from '../outbox/api-outbox';
import { ElderAccessService } from '../elders/elder-access.service';

/** The local day a `YYYY-MM-DD` names, as its first instant. */
const dayStartOf = (date: string) => Date.parse(`${date}T00:00:00Z`) - LOCAL_UTC_OFFSET_MS;
const localDate = (at: number) => new Date(at + LOCAL_UTC_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Care calls (主动呼出关怀电话): who is due a call today by their categories' schedules, and the calls made. A call
 * that does not reach an elder living alone raises a check-on alert, stored with the call in one transaction.
 */
@Injectable()
export class CareCallsService {
  constructor(
    private readonly calls: CareCallRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly alerts: AlertRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: ApiOutbox,
  ) {}

  async day(viewer: Viewer, date: string | undefined, now = Date.now()): Promise<CareCallDay> {
    const start = date === undefined ? localDayStart(now) : dayStartOf(date);
    const [candidates, made] = await Promise.all([
      this.calls.candidates(viewer.scope, Object.keys(CARE_CALL_EVERY_DAYS)),
      this.calls.made(viewer.scope, new Date(start), new Date(start + DAY_MS)),
    ]);
    const showPhone = seesInFull(viewer.role, 'phone');
    const due = candidates.flatMap(({ elder, lastReachedAt, lastCall }) => {
      const reason = careCallDue(
        {
          categories: elder.categories,
          lastReachedAt: lastReachedAt?.getTime() ?? null,
          lastCall: lastCall && { at: lastCall.at.getTime(), outcome: lastCall.outcome },
        },
        start,
      );
      if (!reason) return [];
      const phone = elder.phone ?? '';
      return [
        {
          elder: {
            id: elder.id,
            name: elder.name,
            age: ageOn(elder.birthDate, start),
            categories: elder.categories,
            phone: showPhone ? phone : maskPhone(phone),
            place: { community: elder.community, street: elder.street ?? '' },
          },
          because: reason.because,
          everyDays: reason.everyDays,
          lastReached: lastReachedAt?.toISOString() ?? null,
          retry: reason.retry,
        },
      ];
    });
    // Retries first: someone did not answer yesterday.
    due.sort((a, b) => Number(b.retry) - Number(a.retry) || a.everyDays - b.everyDays);
    return { date: localDate(start), due, made: made.map(toRecord) };
  }

  async record(
    viewer: Viewer,
    call: { elderId: string; outcome: CareCallOutcome; note: string },
    now = new Date(),
  ): Promise<CareCallRecord> {
    const elder = await this.elderAccess.elderInScope(viewer, call.elderId);
    const raises = careCallRaisesCheckOn(call.outcome, elder.categories);
    const { callId, alert, queued } = await this.calls.inTransaction(async (manager) => {
      const callId = await this.calls.insert(manager, {
        elderId: elder.id,
        calledBy: viewer.id,
        outcome: call.outcome,
        note: call.note,
        calledAt: now,
      });
      await this.audit.append(
        {
          userId: viewer.id,
          action: 'care-call.record',
          elderId: elder.id,
          subject: `care-call:${callId}`,
          detail: { outcome: call.outcome },
        },
        manager,
      );
      if (!raises) return { callId, alert: undefined, queued: [] };
      const alert = await this.alerts.trigger(manager, {
        elderId: elder.id,
        deviceId: null,
        rule: 'care-call-unanswered',
        severity: severityOf('care-call-unanswered'),
        evidence: { careCallId: callId, calledBy: viewer.displayName, note: call.note },
        triggerKey: `care-call:${callId}`,
        sourceMsgId: null,
        deviceTime: now,
        receivedAt: now,
        storedAt: now,
        raisedAt: now,
      });
      await this.calls.linkAlert(manager, callId, alert.alertId);
      const queued = await this.outbox.write(manager, [announcementOfTrigger(alert)]);
      return { callId, alert, queued };
    });
    await this.outbox.committed(queued);
    return {
      id: callId,
      at: now.toISOString(),
      by: { id: viewer.id, displayName: viewer.displayName },
      elder: { id: elder.id, name: elder.name },
      outcome: call.outcome,
      note: call.note,
      alertId: alert?.alertId ?? null,
    };
  }
}

function toRecord(row: CareCallRow): CareCallRecord {
  return {
    id: row.id,
    at: row.at.toISOString(),
    by: row.by,
    elder: row.elder,
    outcome: row.outcome,
    note: row.note,
    alertId: row.alertId,
  };
}
