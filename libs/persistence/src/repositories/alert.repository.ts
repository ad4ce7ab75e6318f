import type { DataSource, EntityManager } from 'typeorm';
import { AlertEntity } from '../entities/alert.entity';

export interface AlertTrigger {
  elderId: string;
  /** None for an alert no device raised (an unanswered care call). */
  deviceId: string | null;
  rule: string;
  severity: string;
  evidence: Record<string, unknown>;
  /** What caused it, unique per cause: see `AlertTriggerEntity.triggerKey`. */
  triggerKey: string;
  sourceMsgId: string | null;
  deviceTime: Date;
  receivedAt: Date;
  storedAt: Date;
  raisedAt: Date;
}

/** What a trigger did: opened an alert, fed an open one, or nothing because this event was counted before. */
export type TriggerOutcome = {
  kind: 'opened' | 'merged' | 'already-counted';
  alertId: string;
  triggerCount: number;
  raisedAt: Date;
};

/** Alerts and their triggers. Callers pass the transaction they hold the device's lock in. */
export class AlertRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens an alert, or merges the trigger into the elder's open alert of the same rule (a count and the latest
   * evidence). A trigger whose event was counted already changes nothing.
   */
  async trigger(manager: EntityManager, trigger: AlertTrigger): Promise<TriggerOutcome> {
    const [counted]: { id: string; trigger_count: number; raised_at: Date }[] = await manager.query(
      `SELECT a.id, a.trigger_count, a.raised_at FROM alert_triggers t JOIN alerts a ON a.id = t.alert_id
       WHERE t.trigger_key = $1 AND t.rule = $2`,
      [trigger.triggerKey, trigger.rule],
    );
    if (counted)
      return {
        kind: 'already-counted',
        alertId: counted.id,
        triggerCount: counted.trigger_count,
        raisedAt: counted.raised_at,
      };

    // One statement, atomic per elder and rule: two devices of the elder raising the same rule at once (two last
    // wills) meet on the open-alert index, and the second waits for the first and merges into its alert instead of
    // failing on the index. The callers' locks are per device, so they cannot order this.
    const [row]: { id: string; trigger_count: number; raised_at: Date; opened: boolean }[] = await manager.query(
      `INSERT INTO alerts (elder_id, device_id, rule, severity, status, evidence, source_msg_id, device_time, received_at, stored_at, raised_at)
       VALUES ($1, $2, $3, $4, 'raised', $5, $6, $7, $8, $9, $10)
       ON CONFLICT (elder_id, rule) WHERE status IN ('raised', 'acknowledged')
       DO UPDATE SET trigger_count = alerts.trigger_count + 1, evidence = EXCLUDED.evidence, updated_at = now()
       RETURNING id, trigger_count, raised_at, (xmax = 0) AS opened`,
      [
        trigger.elderId,
        trigger.deviceId,
        trigger.rule,
        trigger.severity,
        JSON.stringify(trigger.evidence),
        trigger.sourceMsgId,
        trigger.deviceTime,
        trigger.receivedAt,
        trigger.storedAt,
        trigger.raisedAt,
      ],
    );
    const outcome: TriggerOutcome = {
      kind: row.opened ? 'opened' : 'merged',
      alertId: row.id,
      triggerCount: row.trigger_count,
      raisedAt: row.raised_at,
    };
    await manager.query(
      'INSERT INTO alert_triggers (trigger_key, rule, alert_id, occurred_at, evidence) VALUES ($1, $2, $3, $4, $5)',
      [trigger.triggerKey, trigger.rule, outcome.alertId, trigger.deviceTime, JSON.stringify(trigger.evidence)],
    );
    return outcome;
  }

  /** Marks the open sos alert raised by that press as cancelled by the elder; undefined when there is none. */
  async cancelByElder(
    manager: EntityManager,
    deviceId: string,
    sourceMsgId: string,
    at: Date,
  ): Promise<string | undefined> {
    const [[cancelled]]: [{ id: string }[], number] = await manager.query(
      `UPDATE alerts SET status = 'cancelled-by-elder', cancelled_at = $3, updated_at = now()
       WHERE device_id = $1 AND rule = 'sos' AND source_msg_id = $2 AND status = 'raised'
       RETURNING id`,
      [deviceId, sourceMsgId, at],
    );
    return cancelled?.id;
  }

  /**
   * Resolves the elder's open alert of `rule` with the platform's `outcome` when `deviceId` alone raised it: every one
   * of its triggers names the device (`timer:<deviceId>:…`, `status:<deviceId>:…`). Answers the alert's id, or
   * undefined when there is no such alert.
   */
  async resolveRaisedByDeviceAlone(
    manager: EntityManager,
    clearing: { elderId: string; deviceId: string; rule: string; outcome: string; at: Date },
  ): Promise<string | undefined> {
    const [[resolved]]: [{ id: string }[], number] = await manager.query(
      `UPDATE alerts a SET status = 'resolved', resolved_at = $5, outcome = $4, updated_at = now()
       WHERE a.elder_id = $1 AND a.rule = $3 AND a.status IN ('raised', 'acknowledged')
         AND NOT EXISTS (
           SELECT 1 FROM alert_triggers t WHERE t.alert_id = a.id AND split_part(t.trigger_key, ':', 2) <> $2
         )
       RETURNING a.id`,
      [clearing.elderId, clearing.deviceId, clearing.rule, clearing.outcome, clearing.at],
    );
    return resolved?.id;
  }

  /** Runs `work` holding the alert's row lock: two operators claiming one alert are served one after the other. */
  inAlertTransaction<T>(
    alertId: string,
    work: (manager: EntityManager, alert: AlertEntity | null) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await manager
        .getRepository(AlertEntity)
        .findOne({ where: { id: alertId }, lock: { mode: 'pessimistic_write' } });
      return work(manager, alert);
    });
  }

  /** Writes the life-cycle fields an operator changes (claim, resolution). */
  async saveLifeCycle(
    manager: EntityManager,
    alertId: string,
    change: Pick<AlertEntity, 'status' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'outcome' | 'reason'>,
  ): Promise<void> {
    await manager.getRepository(AlertEntity).update({ id: alertId }, { ...change, updatedAt: () => 'now()' });
  }

  findById(id: string): Promise<AlertEntity | null> {
    return this.dataSource.getRepository(AlertEntity).findOneBy({ id });
  }

  findByElder(elderId: string): Promise<AlertEntity[]> {
    return this.dataSource.getRepository(AlertEntity).find({ where: { elderId }, order: { raisedAt: 'ASC' } });
  }
}
