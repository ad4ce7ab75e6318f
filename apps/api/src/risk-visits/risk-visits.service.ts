import type { ElderPairView, OverdueVisitView, RiskVisitView } from '@eldercare/contracts';
import {
  daysOverdue,
  DomainError,
  findingAlertSeverity,
  isVisitOverdue,
  VISIT_CONCERNS,
  visitDueAt,
  type PairKind,
  type RiskLevel,
  type RiskVisitMode,
  type VisitConcern,
} from '@eldercare/domain';
import {
  AlertRepository,
  AuditRepository,
  RiskVisitRepository,
  type ElderPairRow,
  type RiskVisitRow,
} from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { announcementOfTrigger, ApiOutbox } from '../outbox/api-outbox';
import { ElderAccessService } from '../elders/elder-access.service';

const VISITS_SHOWN = 50;

const toVisitView = (visit: RiskVisitRow): RiskVisitView => ({ ...visit, visitedAt: visit.visitedAt.toISOString() });

/**
 * Elders at risk, their pairs and the visits made to them. The bureau sets how often each risk level is visited;
 * staff name each elder's pair; a visit is recorded with its findings, and a grave finding opens an alert for the
 * dispatch centre in the same transaction. The supervisor's list shows who is overdue.
 */
@Injectable()
export class RiskVisitsService {
  constructor(
    private readonly visits: RiskVisitRepository,
    private readonly alerts: AlertRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
    private readonly outbox: ApiOutbox,
  ) {}

  frequencies(): Promise<Record<RiskLevel, number>> {
    return this.visits.frequencies();
  }

  async setFrequencies(viewer: Viewer, everyDays: Record<RiskLevel, number>): Promise<Record<RiskLevel, number>> {
    await this.visits.setFrequencies(everyDays, viewer.id);
    await this.audit.append({
      userId: viewer.id,
      action: 'visit-frequencies.set',
      elderId: null,
      subject: 'visit-frequencies',
      detail: everyDays,
    });
    return this.visits.frequencies();
  }

  async pair(viewer: Viewer, elderId: string, now = Date.now()): Promise<ElderPairView> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const pair = await this.visits.pairOf(elderId);
    if (!pair) throw new DomainError('elder-pair-not-found', 'this elder has no pair');
    await this.audit.append({ userId: viewer.id, action: 'elder-pair.read', elderId, subject: `elder:${elderId}` });
    return this.view(pair, now);
  }

  async setPair(
    viewer: Viewer,
    elderId: string,
    pair: { riskLevel: RiskLevel; pairKind: PairKind; pairName: string; pairPhone: string },
  ): Promise<ElderPairView> {
    await this.elderAccess.elderInScope(viewer, elderId);
    await this.visits.setPair({ ...pair, elderId, pairedBy: viewer.id });
    await this.audit.append({
      userId: viewer.id,
      action: 'elder-pair.set',
      elderId,
      subject: `elder:${elderId}`,
      detail: { riskLevel: pair.riskLevel, pairKind: pair.pairKind },
    });
    return this.pair(viewer, elderId);
  }

  async record(
    viewer: Viewer,
    elderId: string,
    visit: { mode: RiskVisitMode; visitedAt?: string; findings: string; concerns: VisitConcern[] },
    now = new Date(),
  ): Promise<RiskVisitView> {
    const elder = await this.elderAccess.elderInScope(viewer, elderId);
    const concerns = [...new Set(visit.concerns)];
    const visitedAt = visit.visitedAt ? new Date(visit.visitedAt) : now;
    if (visitedAt.getTime() > now.getTime() + 5 * 60_000)
      throw new DomainError('invalid-request', 'visitedAt: a visit is recorded once it was made, not ahead');
    const severity = findingAlertSeverity(concerns);
    const { visitId, queued } = await this.visits.inTransaction(async (manager) => {
      const visitId = await this.visits.insertVisit(manager, {
        elderId,
        visitedAt,
        mode: visit.mode,
        visitorId: viewer.id,
        findings: visit.findings,
        concerns,
      });
      await this.audit.append(
        {
          userId: viewer.id,
          action: 'risk-visit.record',
          elderId,
          subject: `risk-visit:${visitId}`,
          detail: { mode: visit.mode, concerns },
        },
        manager,
      );
      if (!severity) return { visitId, queued: [] };
      const alert = await this.alerts.trigger(manager, {
        elderId: elder.id,
        deviceId: null,
        rule: 'risk-visit-finding',
        severity,
        evidence: {
          riskVisitId: visitId,
          visitor: viewer.displayName,
          mode: visit.mode,
          concerns: concerns.map((concern) => VISIT_CONCERNS[concern].zh),
          findings: visit.findings,
        },
        triggerKey: `risk-visit:${visitId}`,
        sourceMsgId: null,
        deviceTime: visitedAt,
        receivedAt: now,
        storedAt: now,
        raisedAt: now,
      });
      await this.visits.linkAlert(manager, visitId, alert.alertId);
      const queued = await this.outbox.write(manager, [announcementOfTrigger(alert)]);
      return { visitId, queued };
    });
    await this.outbox.committed(queued);
    const [stored] = (await this.visits.visitsOf(elderId, VISITS_SHOWN)).filter((row) => row.id === visitId);
    return toVisitView(stored);
  }

  /** The supervisor's list: elders of the viewer's scope whose visit is overdue, most overdue first. */
  async overdue(viewer: Viewer, now = Date.now()): Promise<OverdueVisitView[]> {
    const frequencies = await this.visits.frequencies();
    const pairs = await this.visits.pairsInScope(viewer.scope);
    return pairs
      .map((pair) => ({ pair, schedule: scheduleOf(pair), everyDays: frequencies[pair.riskLevel] }))
      .filter(({ schedule, everyDays }) => isVisitOverdue(schedule, everyDays, now))
      .map(({ pair, schedule, everyDays }) => ({
        elder: { id: pair.elderId, name: pair.elderName, community: pair.community },
        riskLevel: pair.riskLevel,
        pair: { kind: pair.pairKind, name: pair.pairName, phone: pair.pairPhone },
        lastVisitAt: pair.lastVisitAt?.toISOString() ?? null,
        dueAt: new Date(visitDueAt(schedule, everyDays)).toISOString(),
        daysOverdue: daysOverdue(schedule, everyDays, now),
      }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  private async view(pair: ElderPairRow, now: number): Promise<ElderPairView> {
    const everyDays = (await this.visits.frequencies())[pair.riskLevel];
    const schedule = scheduleOf(pair);
    return {
      elderId: pair.elderId,
      riskLevel: pair.riskLevel,
      pairKind: pair.pairKind,
      pairName: pair.pairName,
      pairPhone: pair.pairPhone,
      pairedBy: pair.pairedBy,
      pairedAt: pair.pairedAt.toISOString(),
      everyDays,
      dueAt: new Date(visitDueAt(schedule, everyDays)).toISOString(),
      overdue: isVisitOverdue(schedule, everyDays, now),
      visits: (await this.visits.visitsOf(pair.elderId, VISITS_SHOWN)).map(toVisitView),
    };
  }
}

function scheduleOf(pair: ElderPairRow): { pairedAt: number; lastVisitAt: number | null } {
  return { pairedAt: pair.pairedAt.getTime(), lastVisitAt: pair.lastVisitAt?.getTime() ?? null };
}
