import type { WallboardView } from '@eldercare/contracts';
import {
  ANSWER_SHARE_GOALS,
  answerHours,
  answerSharesToday,
  DAY_MS,
  DEFAULT_RULE_SETTINGS,
  HOUR_MS,
  isSeverity,
  localDayStart,
  type AccessScope,
  type TimedAlert,
} from '@eldercare/domain';
import { SupervisionRepository } from '@eldercare/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';

/** Today's figures of a supervisor's scope for the wallboard; nothing outside the scope is counted or named. */
@Injectable()
export class WallboardService {
  constructor(
    private readonly supervision: SupervisionRepository,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  async today(scope: AccessScope, now = Date.now()): Promise<WallboardView> {
    const limits = { targetSec: this.options.console.answerTargetSec, worstSec: this.options.console.answerWorstSec };
    const lowBelowPercent = DEFAULT_RULE_SETTINGS.battery.lowBelowPercent;
    const dayStart = localDayStart(now);
    // The chart's 24 hours start before today's midnight, so one read covers both.
    const since = Math.min(dayStart, Math.floor(now / HOUR_MS) * HOUR_MS - 23 * HOUR_MS);
    const [rows, onDuty, devices, missedVisits] = await Promise.all([
      this.supervision.alertsRaisedSince(scope, new Date(since)),
      this.supervision.onDuty(scope, new Date(now)),
      this.supervision.deviceTroubles(scope, lowBelowPercent),
      this.supervision.missedVisits(scope, new Date(dayStart), new Date(dayStart + DAY_MS)),
    ]);
    const alerts: TimedAlert[] = rows.flatMap((row) =>
      isSeverity(row.severity)
        ? [
            {
              severity: row.severity,
              raisedAt: row.raisedAt.getTime(),
              acknowledgedAt: row.acknowledgedAt?.getTime() ?? null,
            },
          ]
        : [],
    );
    return {
      at: new Date(now).toISOString(),
      limits: { ...limits, targetGoal: ANSWER_SHARE_GOALS.withinTarget, worstGoal: ANSWER_SHARE_GOALS.withinWorst },
      answered: answerSharesToday(alerts, now, limits),
      onDuty: onDuty.map((row) => ({ id: row.id, displayName: row.displayName, role: row.role, cases: row.cases })),
      devices: { ...devices, lowBelowPercent },
      missedVisits,
      hours: answerHours(alerts, now, limits).map((hour) => ({ ...hour, start: new Date(hour.start).toISOString() })),
    };
  }
}
