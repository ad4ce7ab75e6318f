import { Injectable, Logger } from '@nestjs/common';
import type { CheckWaterBaselineJob, DeviceEventJob, DeviceStatusJob, RuleTimerJob } from '@eldercare/contracts';
import {
  createDeviceRuleState,
  escalationSteps,
  evaluateDeviceStatus,
  evaluateEvent,
  evaluateTimer,
  checkWaterBaseline,
  isSettled,
  isTimerKind,
  learnWaterBaseline,
  mergeRuleSettings,
  type AlertOutcome,
  type DeviceRuleState,
  type RuleContext,
  type RuleDecision,
  type RuleOutcome,
  type RuleProgress,
  type RuleSettings,
  type SettledCheck,
} from '@eldercare/domain';
import {
  AlertRepository,
  RuleStateRepository,
  WaterUseRepository,
  type ElderRuleContextRow,
} from '@eldercare/persistence';
import type { Uplink } from '@eldercare/protocol';
import { UnrecoverableError } from '@eldercare/job-bus';
import type { EntityManager } from 'typeorm';
import { AlertAnnouncer, type AlertChange } from '../alerts/alert-announcer';
import { DeviceProgress } from './device-progress';
import { DeviceTurns } from './device-turns';
import { RuleTimerScheduler } from './rule-timer.scheduler';

const DAY_MS = 24 * 3_600_000;
const FOREIGN_KEY_VIOLATION = '23503';
/** How far back the water baseline learns from. */
const BASELINE_HISTORY_MS = 8 * 7 * DAY_MS;

/** The times an alert's timeline starts with: from the device event, or the due time of a timer. */
interface Timeline {
  receivedAt: Date;
  storedAt: Date;
}

/** One evaluation inside a device's transaction. */
interface Step {
  timeline: Timeline;
  evaluate: (state: DeviceRuleState, context: RuleContext) => RuleOutcome;
}

/**
 * The worker's one workflow: load the device's rule state under its lock, ask the domain for decisions, store
 * alerts, state and the announcements of what changed (the outbox) in the same transaction (the jobs of timers it
 * moves added before the commit), then remove the jobs of the timers it moved away from and relay the announcements.
 */
@Injectable()
export class RuleEngineService {
  private readonly logger = new Logger(RuleEngineService.name);

  constructor(
    private readonly states: RuleStateRepository,
    private readonly waterUse: WaterUseRepository,
    private readonly alerts: AlertRepository,
    private readonly timers: RuleTimerScheduler,
    private readonly announcer: AlertAnnouncer,
    private readonly turns: DeviceTurns,
    private readonly progress: DeviceProgress,
  ) {}

  async handleEvent(job: DeviceEventJob, now = Date.now()): Promise<void> {
    const { elderId } = job;
    if (!elderId) return this.logger.debug(`${job.deviceId} serves no elder: no rules apply`);
    const event = settledCheckOf(job);
    const settled = (progress: RuleProgress) => isSettled(event, progress);
    await this.turns.take(job.deviceId, async () => {
      // Most often an earlier pass caught up on this job's event along with its device's others: nothing left to do.
      if (await this.needsNoPass(job.deviceId, settled)) return;
      await this.run(job.deviceId, elderId, now, async (manager, stored) => {
        // A pass of another process may have applied this job's event before this one took the lock.
        if (!isEmpty(stored) && settled(stored)) return { state: stored, steps: [] };
        const state = isEmpty(stored) ? createDeviceRuleState(job.deviceId, job.deviceType) : stored;
        // Catch up on the device's messages not applied yet, in device time, whichever of their jobs came first. When
        // there are none, this job's event was applied already (or came too late): sos and fall still answer to it.
        const unapplied = await this.states.eventsAfter(manager, job.deviceId, state.lastApplied);
        const events =
          unapplied.length > 0
            ? unapplied
            : [
                {
                  ...job,
                  occurredAt: new Date(job.occurredAt),
                  receivedAt: new Date(job.receivedAt),
                  storedAt: new Date(job.storedAt),
                },
              ];
        return {
          state,
          steps: events.map((row) => ({
            timeline: { receivedAt: row.receivedAt, storedAt: row.storedAt },
            evaluate: (current: DeviceRuleState, context: RuleContext) =>
              evaluateEvent(
                {
                  eventId: row.eventId,
                  deviceId: job.deviceId,
                  deviceType: job.deviceType,
                  elderId,
                  uplink: row.uplink as unknown as Uplink,
                  occurredAt: row.occurredAt.getTime(),
                  receivedAt: row.receivedAt.getTime(),
                },
                current,
                context,
              ),
          })),
        };
      });
    });
  }

  async handleStatus(job: DeviceStatusJob, now = Date.now()): Promise<void> {
    if (!job.elderId) return;
    const receivedAt = new Date(job.receivedAt);
    // A device the rules have never heard from has no state to go offline from.
    await this.run(job.deviceId, job.elderId, now, async (_manager, stored) => ({
      state: stored,
      steps: isEmpty(stored)
        ? []
        : [
            {
              timeline: { receivedAt, storedAt: receivedAt },
              evaluate: (current, context) =>
                evaluateDeviceStatus({ online: job.online, receivedAt: receivedAt.getTime() }, current, context),
            },
          ],
    }));
  }

  /** The elder's last quiet hours against the baseline learned from the meter's own past weeks. */
  async handleWaterBaseline(job: CheckWaterBaselineJob, now = Date.now()): Promise<void> {
    const at = new Date(job.hourEnd);
    await this.run(job.deviceId, job.elderId, now, async (manager, stored) => {
      const history = await this.waterUse.hourlyUse(manager, job.deviceId, new Date(job.hourEnd - BASELINE_HISTORY_MS));
      const evaluate = (state: DeviceRuleState, context: RuleContext): RuleOutcome => {
        // Learnt from the days before: the quiet hours being judged must not lower their own odds.
        const past = history.filter((hour) => hour.hourStart < job.hourEnd - DAY_MS);
        const decision = checkWaterBaseline(
          learnWaterBaseline(past, context.absences),
          history,
          job.hourEnd,
          context.settings,
          context.absences,
        );
        return { state, decisions: decision ? [decision] : [] };
      };
      return { state: stored, steps: [{ timeline: { receivedAt: at, storedAt: at }, evaluate }] };
    });
  }

  async handleTimer(job: RuleTimerJob, now = Date.now()): Promise<void> {
    if (!isTimerKind(job.timer)) throw new Error(`unknown rule timer ${job.timer}`);
    const due = new Date(job.dueAt);
    const timer = { kind: job.timer, dueAt: job.dueAt };
    await this.run(job.deviceId, job.elderId, now, async (_manager, stored) => ({
      state: stored,
      steps: isEmpty(stored)
        ? []
        : [
            {
              timeline: { receivedAt: due, storedAt: due },
              evaluate: (current, context) => evaluateTimer(timer, current, context),
            },
          ],
    }));
  }

  /**
   * True when the job's event is settled against what this process last saw committed of its device, or, for a
   * device it has not seen (a restart behind a backlog, a device another worker served), against the committed state
   * read without the lock. An event of a device it knows and not settled there goes straight to its pass.
   */
  private async needsNoPass(deviceId: string, settled: (progress: RuleProgress) => boolean): Promise<boolean> {
    const known = this.progress.of(deviceId);
    if (known) return settled(known);
    const committed = (await this.states.committed(deviceId)) as RuleProgress | null;
    if (!committed) return false;
    this.progress.saw(deviceId, committed);
    return settled(committed);
  }

  /**
   * Under the device's lock: evaluate each step on the state the previous one left, store alerts and the state. A job
   * about a device or elder the registry does not hold (a stale job, a database rebuilt under a Redis that kept it)
   * can never succeed, and fails at once instead of being retried.
   */
  private async run(
    deviceId: string,
    elderId: string,
    now: number,
    plan: (manager: EntityManager, stored: DeviceRuleState) => Promise<{ state: DeviceRuleState; steps: Step[] }>,
  ): Promise<void> {
    try {
      await this.runLocked(deviceId, elderId, now, plan);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === FOREIGN_KEY_VIOLATION) {
        throw new UnrecoverableError(
          `device ${deviceId} or elder ${elderId} is not registered: ${(error as Error).message}`,
        );
      }
      throw error;
    }
  }

  private async runLocked(
    deviceId: string,
    elderId: string,
    now: number,
    plan: (manager: EntityManager, stored: DeviceRuleState) => Promise<{ state: DeviceRuleState; steps: Step[] }>,
  ): Promise<void> {
    const { changes, recorded, before, after, state } = await this.states.inDeviceTransaction(
      deviceId,
      async (manager, stored) => {
        const committed = stored as unknown as DeviceRuleState;
        const { state: initial, steps } = await plan(manager, committed);
        const before = initial.timers ?? {};
        if (steps.length === 0) return { changes: [], recorded: [], before, after: before, state: committed };
        const context = toRuleContext(await this.states.elderContext(manager, elderId, new Date(now)), now);
        let state = initial;
        const changes: AlertChange[] = [];
        for (const step of steps) {
          const outcome = step.evaluate(state, context);
          changes.push(
            ...(await this.apply(
              manager,
              { deviceId, elderId, ...step.timeline },
              outcome.decisions,
              context.settings,
              now,
            )),
          );
          state = outcome.state;
        }
        // The domain hands back the very state it was given when nothing changed.
        if (state !== committed) {
          await this.timers.addMoved(deviceId, elderId, before, state.timers ?? {}, now);
          await this.states.save(manager, deviceId, state);
        }
        const recorded = await this.announcer.record(manager, changes);
        return { changes, recorded, before, after: state.timers ?? {}, state };
      },
    );
    if (!isEmpty(state)) this.progress.saw(deviceId, state);
    await Promise.all([this.timers.removeMoved(deviceId, before, after), this.announcer.committed(changes, recorded)]);
  }

  private async apply(
    manager: EntityManager,
    source: Timeline & { deviceId: string; elderId: string },
    decisions: RuleDecision[],
    settings: RuleSettings,
    now: number,
  ): Promise<AlertChange[]> {
    const changes: AlertChange[] = [];
    for (const decision of decisions) {
      if (decision.type === 'raise') {
        const outcome = await this.alerts.trigger(manager, {
          elderId: source.elderId,
          deviceId: source.deviceId,
          rule: decision.rule,
          severity: decision.severity,
          evidence: decision.evidence,
          triggerKey: decision.triggerId,
          sourceMsgId: decision.sourceMsgId ?? null,
          deviceTime: new Date(decision.occurredAt),
          receivedAt: source.receivedAt,
          storedAt: source.storedAt,
          raisedAt: new Date(now),
        });
        changes.push({
          ...outcome,
          rule: decision.rule,
          severity: decision.severity,
          escalations: escalationSteps(decision.severity, outcome.raisedAt.getTime(), settings),
        });
      } else if (decision.type === 'cancel-by-elder') {
        const alertId = await this.alerts.cancelByElder(
          manager,
          source.deviceId,
          decision.sourceMsgId,
          new Date(decision.occurredAt),
        );
        if (alertId) changes.push({ kind: 'cancelled-by-elder', alertId });
      } else if (decision.type === 'clear') {
        const alertId = await this.alerts.resolveRaisedByDeviceAlone(manager, {
          elderId: source.elderId,
          deviceId: source.deviceId,
          rule: decision.rule,
          outcome: 'device-back-online' satisfies AlertOutcome,
          at: new Date(decision.occurredAt),
        });
        if (alertId) changes.push({ kind: 'resolved', alertId });
      }
    }
    return changes;
  }
}

const isEmpty = (state: object) => Object.keys(state).length === 0;

function settledCheckOf(job: DeviceEventJob): SettledCheck {
  return {
    eventId: job.eventId,
    occurredAt: Date.parse(job.occurredAt),
    receivedAt: Date.parse(job.receivedAt),
    uplink: job.uplink,
  };
}

function toRuleContext(row: ElderRuleContextRow, now: number): RuleContext {
  return { settings: mergeRuleSettings(row.ruleSettings), absences: row.absences, now };
}
