import { DEFAULT_RULE_SETTINGS, escalationSteps, isVisitOverdue, severityOf, visitDueAt } from '@eldercare/domain';
import { AlertRepository, RiskVisitRepository } from '@eldercare/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { AlertAnnouncer, type AlertChange } from '../alerts/alert-announcer';

/**
 * Raises a check-on for the dispatch centre for every elder at risk whose visit is overdue by its schedule, once per
 * due date (the trigger key holds the date, so a second sweep, or a second worker, counts it once).
 */
@Injectable()
export class OverdueVisitSweeper {
  private readonly logger = new Logger(OverdueVisitSweeper.name);

  constructor(
    private readonly visits: RiskVisitRepository,
    private readonly alerts: AlertRepository,
    private readonly announcer: AlertAnnouncer,
  ) {}

  async sweep(now = Date.now()): Promise<number> {
    const frequencies = await this.visits.frequencies();
    const pairs = await this.visits.pairsInScope({ kind: 'city' });
    const at = new Date(now);
    const overdue = pairs.flatMap((pair) => {
      const everyDays = frequencies[pair.riskLevel];
      const schedule = { pairedAt: pair.pairedAt.getTime(), lastVisitAt: pair.lastVisitAt?.getTime() ?? null };
      return isVisitOverdue(schedule, everyDays, now)
        ? [{ pair, dueAt: new Date(visitDueAt(schedule, everyDays)) }]
        : [];
    });
    const { changes, recorded } = await this.visits.inTransaction(async (manager) => {
      const raised: AlertChange[] = [];
      for (const { pair, dueAt } of overdue) {
        const severity = severityOf('risk-visit-overdue');
        const outcome = await this.alerts.trigger(manager, {
          elderId: pair.elderId,
          deviceId: null,
          rule: 'risk-visit-overdue',
          severity,
          evidence: {
            riskLevel: pair.riskLevel,
            pair: `${pair.pairName} ${pair.pairPhone}`,
            lastVisitAt: pair.lastVisitAt?.toISOString() ?? null,
            dueAt: dueAt.toISOString(),
          },
          triggerKey: `risk-visit-overdue:${pair.elderId}:${dueAt.toISOString()}`,
          sourceMsgId: null,
          deviceTime: dueAt,
          receivedAt: at,
          storedAt: at,
          raisedAt: at,
        });
        if (outcome.kind === 'already-counted') continue;
        raised.push({
          ...outcome,
          rule: 'risk-visit-overdue',
          severity,
          escalations: escalationSteps(severity, outcome.raisedAt.getTime(), DEFAULT_RULE_SETTINGS),
        });
      }
      return { changes: raised, recorded: await this.announcer.record(manager, raised) };
    });
    if (changes.length === 0) return 0;
    this.logger.warn(`${changes.length} visits to elders at risk overdue`);
    await this.announcer.committed(changes, recorded);
    return changes.length;
  }
}
