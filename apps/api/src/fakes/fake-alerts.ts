import { isInScope, type AccessScope } from '@eldercare/domain';
import type {
  AlertCaseRepository,
  AlertEntity,
  AlertRepository,
  AlertRow,
  AlertViewRepository,
  CallRecord,
  DispatchRecord,
} from '@eldercare/persistence';
import type { EntityManager } from 'typeorm';

/** An sos press by 王秀英's call button in 东亭社区, raised and waiting; override the rest. */
export function storedAlert(overrides: Partial<AlertEntity> = {}): AlertEntity {
  return {
    id: 'alert-1',
    elderId: 'elder-1',
    deviceId: 'button-1',
    rule: 'sos',
    severity: 'critical',
    status: 'raised',
    triggerCount: 1,
    evidence: {},
    sourceMsgId: 'press-1',
    deviceTime: new Date('2026-11-23T01:00:00Z'),
    receivedAt: new Date('2026-11-23T01:00:01Z'),
    storedAt: new Date('2026-11-23T01:00:01Z'),
    raisedAt: new Date('2026-11-23T01:00:02Z'),
    firstShownAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    outcome: null,
    reason: null,
    cancelledAt: null,
    seq: '1',
    changedXid: '0',
    seqXmin: '0',
    updatedAt: new Date('2026-11-23T01:00:02Z'),
    ...overrides,
  };
}

const PLACE = {
  communityId: 'community-1',
  community: '东亭社区',
  streetId: 'street-1',
  street: '水果湖街道',
  districtId: 'district-1',
  district: '东湖区',
};

/**
 * Alerts in memory, all of 王秀英 in 东亭社区 (community-1, street-1, district-1): read in scope by the domain's scope
 * rule as the view repository's query does, changed under the "lock" of `inAlertTransaction`, with the calls and
 * dispatches operators log on them. Each change bumps `seq`.
 */
export class FakeAlerts {
  readonly stored = new Map<string, AlertEntity>();
  readonly calls: (Omit<CallRecord, 'id' | 'at' | 'by'> & { alertId: string; byUserId: string })[] = [];
  readonly dispatches: (Omit<DispatchRecord, 'id' | 'at' | 'by'> & { alertId: string; byUserId: string })[] = [];

  add(alert: AlertEntity): this {
    this.stored.set(alert.id, alert);
    return this;
  }

  async findInScope(scope: AccessScope, alertId: string): Promise<AlertRow | undefined> {
    const alert = this.stored.get(alertId);
    const regionIds = [PLACE.communityId, PLACE.streetId, PLACE.districtId];
    return alert && isInScope(scope, { elderId: alert.elderId, regionIds }) ? this.rowOf(alert) : undefined;
  }

  async inAlertTransaction<T>(
    alertId: string,
    work: (manager: EntityManager, alert: AlertEntity | null) => Promise<T>,
  ): Promise<T> {
    const alert = this.stored.get(alertId);
    return work({} as EntityManager, alert ? structuredClone(alert) : null);
  }

  async saveLifeCycle(
    _manager: EntityManager,
    alertId: string,
    change: Pick<AlertEntity, 'status' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'outcome' | 'reason'>,
  ): Promise<void> {
    const alert = this.stored.get(alertId)!;
    Object.assign(alert, change, { seq: String(Number(alert.seq) + 1) });
  }

  async markShown(alertId: string, at: Date): Promise<void> {
    const alert = this.stored.get(alertId)!;
    alert.firstShownAt ??= at;
  }

  async addCall(alertId: string, call: Omit<CallRecord, 'id' | 'at' | 'by'> & { byUserId: string }): Promise<string> {
    this.calls.push({ alertId, ...call });
    return `call-${this.calls.length}`;
  }

  async addDispatch(
    alertId: string,
    dispatch: Omit<DispatchRecord, 'id' | 'at' | 'by'> & { byUserId: string },
  ): Promise<string> {
    this.dispatches.push({ alertId, ...dispatch });
    return `dispatch-${this.dispatches.length}`;
  }

  asAlertRepository(): AlertRepository {
    return this as unknown as AlertRepository;
  }

  asViewRepository(): AlertViewRepository {
    return this as unknown as AlertViewRepository;
  }

  asCaseRepository(): AlertCaseRepository {
    return this as unknown as AlertCaseRepository;
  }

  private rowOf(alert: AlertEntity): AlertRow {
    return {
      id: alert.id,
      seq: alert.seq,
      rule: alert.rule,
      severity: alert.severity,
      status: alert.status,
      triggerCount: alert.triggerCount,
      evidence: alert.evidence,
      device: alert.deviceId === null ? null : { id: alert.deviceId, type: 'call_button' },
      deviceTime: alert.deviceTime,
      receivedAt: alert.receivedAt,
      raisedAt: alert.raisedAt,
      firstShownAt: alert.firstShownAt,
      acknowledgedAt: alert.acknowledgedAt,
      claimedBy: alert.acknowledgedBy === null ? null : { id: alert.acknowledgedBy, displayName: alert.acknowledgedBy },
      resolvedAt: alert.resolvedAt,
      cancelledAt: alert.cancelledAt,
      outcome: alert.outcome,
      reason: alert.reason,
      escalation: null,
      elder: { id: alert.elderId, name: '王秀英', gender: 'female', birthDate: '1941-05-02', categories: [] },
      place: PLACE,
    };
  }
}
