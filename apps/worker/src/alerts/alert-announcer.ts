import { Inject, Injectable } from '@nestjs/common';
import {
  announceAlertJobId,
  DispatchPriority,
  JobName,
  type AnnounceAlertJob,
  type EscalateAlertJob,
} from '@eldercare/contracts';
import type { RuleCode } from '@eldercare/domain';
import { announceAlertOutboxJob, escalateAlertOutboxJob, OutboxRelay } from '@eldercare/job-bus';
import { JobOutboxRepository, type OutboxEntry, type OutboxJob, type TriggerOutcome } from '@eldercare/persistence';
import type { EntityManager } from 'typeorm';
import { WorkerQueues } from '../queues/worker-queues';
import { COUNT_RAISED_ALERT, type CountRaisedAlert } from './raised-alerts';

/** The rules of alarms: their announcements go ahead of every routine one on `dispatch`. */
const ALARM_RULES: ReadonlySet<string> = new Set<RuleCode>(['sos', 'fall']);

export type EscalationStep = { step: EscalateAlertJob['step']; at: number };

/** What an evaluation did to alerts, to be announced once it is committed. */
export type AlertChange =
  | (TriggerOutcome & { rule: string; severity: string; escalations: EscalationStep[] })
  | { kind: 'cancelled-by-elder'; alertId: string }
  /** Resolved by the platform (a silent device back online). */
  | { kind: 'resolved'; alertId: string };

/**
 * Announces alert changes on `dispatch` and schedules their escalations through the outbox: the jobs are written in
 * the transaction that made the changes (`record`) and queued once it has committed (`committed`), so a worker that
 * dies in between leaves them for the relay instead of losing them.
 */
@Injectable()
export class AlertAnnouncer {
  constructor(
    private readonly queues: WorkerQueues,
    private readonly outbox: JobOutboxRepository,
    private readonly relay: OutboxRelay,
    @Inject(COUNT_RAISED_ALERT) private readonly countRaised: CountRaisedAlert,
  ) {}

  /**
   * Writes the announcements and escalations of `changes` into the outbox, in the caller's transaction, with `also`
   * (the announcements of other things the transaction changed).
   */
  record(manager: EntityManager, changes: AlertChange[], also: OutboxJob[] = []): Promise<OutboxEntry[]> {
    return this.outbox.add(manager, [...alertJobsOf(changes), ...also]);
  }

  /** After the commit: counts the alerts raised and queues what `record` wrote. */
  async committed(changes: AlertChange[], recorded: OutboxEntry[]): Promise<void> {
    for (const change of changes)
      if (change.kind === 'opened') this.countRaised({ rule: change.rule, severity: change.severity });
    await this.relay.relay(recorded);
  }

  async escalated(alertId: string, step: EscalateAlertJob['step']): Promise<void> {
    await this.queues.dispatch.add(
      JobName.AnnounceAlert,
      { alertId, change: 'escalated', step },
      { jobId: announceAlertJobId(alertId, 'escalated', step) },
    );
  }
}

/**
 * The jobs that follow from a pass's changes: its announcements (alarms ahead of every routine one) and the
 * escalations of the alerts it opened, each under a job id that makes it idempotent.
 */
export function alertJobsOf(changes: AlertChange[]): OutboxJob[] {
  const announcements = announcementsOf(changes).map(({ job, revision, alarm }) =>
    announceAlertOutboxJob(job, revision, alarm ? DispatchPriority.Alarm : DispatchPriority.Routine),
  );
  const escalations = changes.flatMap((change) =>
    change.kind === 'opened'
      ? change.escalations.map(({ step, at }) => escalateAlertOutboxJob({ alertId: change.alertId, step }, at))
      : [],
  );
  return [...announcements, ...escalations];
}

/**
 * What one pass announces, in order: each change's announcement, but a merge only once per alert, at its last count,
 * and none for an alert the same pass opened. The api reads the alert when it announces it, so the one announcement
 * shows every trigger the pass counted.
 */
export function announcementsOf(
  changes: AlertChange[],
): { job: AnnounceAlertJob; revision: number | string; alarm: boolean }[] {
  const opened = new Set(changes.flatMap((change) => (change.kind === 'opened' ? [change.alertId] : [])));
  const lastMerge = new Map<string, AlertChange>();
  for (const change of changes) if (change.kind === 'merged') lastMerge.set(change.alertId, change);
  return changes.flatMap((change) => {
    if (change.kind === 'merged' && (opened.has(change.alertId) || lastMerge.get(change.alertId) !== change)) return [];
    const announced = announcementOf(change);
    return announced ? [{ ...announced, alarm: isAlarm(change) }] : [];
  });
}

/** A change of an sos or fall alert: raised, merged with a repeat press, or taken back by the elder (an sos). */
function isAlarm(change: AlertChange): boolean {
  if (change.kind === 'cancelled-by-elder') return true;
  return change.kind !== 'resolved' && ALARM_RULES.has(change.rule);
}

/** The announcement a change makes, with the revision that keeps it from being announced twice; none for a redelivery. */
function announcementOf(change: AlertChange): { job: AnnounceAlertJob; revision: number | string } | undefined {
  switch (change.kind) {
    case 'opened':
      return { job: { alertId: change.alertId, change: 'raised' }, revision: 1 };
    case 'merged':
      return { job: { alertId: change.alertId, change: 'merged' }, revision: change.triggerCount };
    case 'cancelled-by-elder':
      return { job: { alertId: change.alertId, change: 'cancelled-by-elder' }, revision: 'elder' };
    case 'resolved':
      return { job: { alertId: change.alertId, change: 'resolved' }, revision: 'platform' };
    case 'already-counted':
      return undefined;
  }
}
