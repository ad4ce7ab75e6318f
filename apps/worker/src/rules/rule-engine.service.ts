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
  type StoredEventRow,
} from '@eldercare/persistence';
import type { DeviceType, Uplink } from '@eldercare/protocol';
import { UnrecoverableError } from '@eldercare/job-bus';
import type { EntityManager } from 'typeorm';
import { AlertAnnouncer, type AlertChange } from '../alerts/alert-announcer';
import { DevicePasses, type PassFailures } from './device-passes';
import { DeviceProgress } from './device-progress';
import { DeviceTurns } from './device-turns';
import { RuleTimerScheduler, type TimerMove } from './rule-timer.scheduler';

const DAY_MS = 24 * 3_600_000;
const FOREIGN_KEY_VIOLATION = '23503';
/** How far back the water baseline learns from. */
const BASELINE_HISTORY_MS = 8 * 7 * DAY_MS;
/** Devices whose readings one pass applies at most, in one transaction. */
const PASS_DEVICES = 250;
/** Passes of readings (over different devices) running at once. */
const PASSES_AT_ONCE = 4;
/** Stored messages of one device read back per round trip. */
const CATCH_UP_ROWS = 500;

/** The times an alert's timeline starts with: from the device event, or the due time of a timer. */
interface Timeline {
  receivedAt: Date;
  storedAt: Date;
}

/** One evaluation inside a pass. */
interface Step {
  timeline: Timeline;
  evaluate: (state: DeviceRuleState, context: RuleContext) => RuleOutcome;
}

/** What a pass does with one device: the state it starts from (the stored one, or a new one) and its steps. */
interface DevicePlan {
  state: DeviceRuleState;
  steps: Step[];
}

/** A device a pass serves, and the elder whose rules apply. */
interface PassDevice {
  deviceId: string;
  elderId: string;
}

/** Plans a pass over the devices' states as stored, read under their locks (`{}` for a device not seen yet). */
type PassPlan = (
  manager: EntityManager,
  stored: ReadonlyMap<string, DeviceRuleState>,
) => Promise<ReadonlyMap<string, DevicePlan>>;

/**
 * The worker's one workflow, a pass: load the devices' rule states under their locks, ask the domain for decisions,
 * store alerts, states and the announcements of what changed (the outbox) in the same transaction (the jobs of timers
 * they move added before the commit), then remove the jobs of the timers they moved away from and relay the
 * announcements. Readings go through passes over many devices at once (see DevicePasses); an alarm, a status, a timer
 * and a baseline check each get a pass of their own.
 */
@Injectable()
export class RuleEngineService {
  private readonly logger = new Logger(RuleEngineService.name);
  private readonly readingPasses: DevicePasses<DeviceEventJob>;

  constructor(
    private readonly states: RuleStateRepository,
    private readonly waterUse: WaterUseRepository,
    private readonly alerts: AlertRepository,
    private readonly timers: RuleTimerScheduler,
    private readonly announcer: AlertAnnouncer,
    private readonly turns: DeviceTurns,
    private readonly progress: DeviceProgress,
  ) {
    this.readingPasses = new DevicePasses((work) => this.catchUp(work), PASS_DEVICES, PASSES_AT_ONCE);
  }

  /**
   * Readings of `device-events`: each device's stored messages caught up in device time, many devices to a pass.
   * A reading settled against what this process last saw of its device (an earlier pass caught up on it) needs none.
   */
  async handleReadings(readings: DeviceEventJob[]): Promise<void> {
    const work = this.unsettled(
      new Map(),
      readings.filter((reading) => reading.elderId),
    );
    if (work.size > 0) await this.readingPasses.apply(work);
  }

  /** `readings` grouped by device, without those settled against what this process last saw of their device. */
  private unsettled(work: Map<string, DeviceEventJob[]>, readings: DeviceEventJob[]): Map<string, DeviceEventJob[]> {
    for (const reading of readings) {
      const known = this.progress.of(reading.deviceId);
      if (known && isSettled(settledCheckOf(reading), known)) continue;
      work.set(reading.deviceId, [...(work.get(reading.deviceId) ?? []), reading]);
    }
    return work;
  }

  /** An alarm of `device-alarms`: a pass of its own at once, catching up its device's readings stored before it. */
  async handleEvent(job: DeviceEventJob): Promise<void> {
    const { elderId } = job;
    if (!elderId) return this.logger.debug(`${job.deviceId} serves no elder: no rules apply`);
    const event = settledCheckOf(job);
    const settled = (progress: RuleProgress) => isSettled(event, progress);
    await this.turns.take(job.deviceId, async () => {
      if (await this.needsNoPass(job.deviceId, settled)) return;
      const work = new Map([[job.deviceId, [job]]]);
      await this.run([{ deviceId: job.deviceId, elderId }], Date.now(), (manager, stored) =>
        this.planCatchUp(manager, work, stored),
      );
    });
  }

  async handleStatus(job: DeviceStatusJob, now = Date.now()): Promise<void> {
    if (!job.elderId) return;
    const receivedAt = new Date(job.receivedAt);
    // A device the rules have never heard from has no state to go offline from.
    await this.runOne(job.deviceId, job.elderId, now, async (_manager, stored) => ({
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
    await this.runOne(job.deviceId, job.elderId, now, async (manager, stored) => {
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
    await this.runOne(job.deviceId, job.elderId, now, async (_manager, stored) => ({
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
   * One pass of readings over several devices. A device or elder the registry does not hold fails the whole pass;
   * each device then gets a pass of its own, so that only its own readings fail.
   */
  private async catchUp(waiting: ReadonlyMap<string, DeviceEventJob[]>): Promise<PassFailures> {
    // The pass before may have caught up on readings that waited for this one.
    const work = this.unsettled(new Map(), [...waiting.values()].flat());
    if (work.size === 0) return new Map();
    const devices = [...work].map(([deviceId, events]) => ({ deviceId, elderId: events.at(-1)!.elderId! }));
    const pass = (some: PassDevice[]) =>
      this.run(some, Date.now(), (manager, stored) => this.planCatchUp(manager, work, stored));
    try {
      await pass(devices);
      return new Map();
    } catch (error) {
      if (devices.length === 1 || !(error instanceof UnrecoverableError)) throw error;
    }
    const failures = new Map<string, unknown>();
    for (const device of devices) await pass([device]).catch((error: unknown) => failures.set(device.deviceId, error));
    return failures;
  }

  /**
   * For each device with events not settled against its stored state: catch up on its stored messages not applied
   * yet, in device time, whichever of their jobs came first, at least up to its jobs' events. Then its jobs' events
   * that were not among them, applied already or come too late: sos and fall still answer to them, and they say when
   * the device was heard.
   */
  private async planCatchUp(
    manager: EntityManager,
    work: ReadonlyMap<string, DeviceEventJob[]>,
    stored: ReadonlyMap<string, DeviceRuleState>,
  ): Promise<Map<string, DevicePlan>> {
    const devices: { deviceId: string; state: DeviceRuleState; events: DeviceEventJob[]; rows: StoredEventRow[] }[] =
      [];
    for (const [deviceId, jobs] of work) {
      // A device of the work outside this pass: a pass over some of its devices only (see `catchUp`).
      const committed = stored.get(deviceId);
      if (!committed) continue;
      // A pass of another process may have applied these events before this one took the lock.
      const events = isEmpty(committed)
        ? jobs
        : jobs.filter((job) => !isSettled(settledCheckOf(job), committed as RuleProgress));
      if (events.length === 0) continue;
      const state = isEmpty(committed) ? createDeviceRuleState(deviceId, events[0].deviceType) : committed;
      devices.push({ deviceId, state, events, rows: [] });
    }
    let reading = devices.map((device) => ({ device, lastApplied: device.state.lastApplied }));
    while (reading.length > 0) {
      const read = await this.states.eventsAfter(
        manager,
        reading.map(({ device, lastApplied }) => ({ deviceId: device.deviceId, lastApplied })),
        CATCH_UP_ROWS,
      );
      reading = reading.flatMap(({ device }) => {
        const rows = read.get(device.deviceId)!;
        device.rows.push(...rows);
        const last = rows.at(-1);
        if (rows.length < CATCH_UP_ROWS || !last) return [];
        const lastApplied = { occurredAt: last.occurredAt.getTime(), eventId: last.eventId };
        return device.events.some((event) => isAfter(event, lastApplied)) ? [{ device, lastApplied }] : [];
      });
    }
    return new Map(
      devices.map(({ deviceId, state, events, rows }) => {
        const caughtUp = new Set(rows.map((row) => row.eventId));
        const { deviceType, elderId } = events.at(-1)!;
        const steps = [...rows, ...events.filter((event) => !caughtUp.has(event.eventId)).map(storedRowOf)].map((row) =>
          eventStep(row, deviceId, deviceType, elderId!),
        );
        return [deviceId, { state, steps }];
      }),
    );
  }

  /** A pass over one device. */
  private runOne(
    deviceId: string,
    elderId: string,
    now: number,
    plan: (manager: EntityManager, stored: DeviceRuleState) => Promise<DevicePlan>,
  ): Promise<void> {
    return this.run(
      [{ deviceId, elderId }],
      now,
      async (manager, stored) => new Map([[deviceId, await plan(manager, stored.get(deviceId)!)]]),
    );
  }

  /**
   * A pass under the devices' locks. A job about a device or elder the registry does not hold (a stale job, a
   * database rebuilt under a Redis that kept it) can never succeed, and fails at once instead of being retried.
   */
  private async run(devices: PassDevice[], now: number, plan: PassPlan): Promise<void> {
    try {
      await this.runLocked(devices, now, plan);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === FOREIGN_KEY_VIOLATION) {
        const which = devices.map(({ deviceId, elderId }) => `device ${deviceId} of elder ${elderId}`).join(', ');
        throw new UnrecoverableError(`not registered: ${which}: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  /** Evaluates each device's steps on the state the previous one left, in device id order; stores alerts and states. */
  private async runLocked(devices: PassDevice[], now: number, plan: PassPlan): Promise<void> {
    const elderOf = new Map(devices.map(({ deviceId, elderId }) => [deviceId, elderId]));
    const { changes, recorded, moves, states } = await this.states.inDevicesTransaction(
      [...elderOf.keys()],
      async (manager, rows) => {
        const stored = new Map([...rows].map(([deviceId, state]) => [deviceId, state as unknown as DeviceRuleState]));
        const states = new Map(stored);
        const changes: AlertChange[] = [];
        const moves: TimerMove[] = [];
        const planned = [...(await plan(manager, stored))]
          .filter(([, { steps }]) => steps.length > 0)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        if (planned.length === 0) return { changes, recorded: [], moves, states };
        const contexts = await this.states.elderContexts(
          manager,
          planned.map(([deviceId]) => elderOf.get(deviceId)!),
          new Date(now),
        );
        for (const [deviceId, { state: initial, steps }] of planned) {
          const elderId = elderOf.get(deviceId)!;
          const context = toRuleContext(contexts.get(elderId)!, now);
          let state = initial;
          for (const step of steps) {
            const outcome = step.evaluate(state, context);
            const source = { deviceId, elderId, ...step.timeline };
            changes.push(...(await this.apply(manager, source, outcome.decisions, context.settings, now)));
            state = outcome.state;
          }
          // The domain hands back the very state it was given when nothing changed.
          if (state === stored.get(deviceId)) continue;
          moves.push({ deviceId, elderId, before: initial.timers ?? {}, wanted: state.timers ?? {} });
          states.set(deviceId, state);
        }
        await this.timers.addMoved(moves, now);
        await this.states.saveAll(
          manager,
          moves.map(({ deviceId }) => ({ deviceId, state: states.get(deviceId)! })),
        );
        const recorded = await this.announcer.record(manager, changes);
        return { changes, recorded, moves, states };
      },
    );
    for (const [deviceId, state] of states) if (!isEmpty(state)) this.progress.saw(deviceId, state);
    await Promise.all([this.timers.removeMoved(moves), this.announcer.committed(changes, recorded)]);
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

/** True when the event comes after `applied` by device time, then event id (decimal bigints). */
function isAfter(event: DeviceEventJob, applied: { occurredAt: number; eventId: string }): boolean {
  const occurredAt = Date.parse(event.occurredAt);
  if (occurredAt !== applied.occurredAt) return occurredAt > applied.occurredAt;
  return BigInt(event.eventId) > BigInt(applied.eventId);
}

function storedRowOf(job: DeviceEventJob): StoredEventRow {
  return {
    eventId: job.eventId,
    uplink: job.uplink as unknown as Record<string, unknown>,
    occurredAt: new Date(job.occurredAt),
    receivedAt: new Date(job.receivedAt),
    storedAt: new Date(job.storedAt),
  };
}

function eventStep(row: StoredEventRow, deviceId: string, deviceType: DeviceType, elderId: string): Step {
  return {
    timeline: { receivedAt: row.receivedAt, storedAt: row.storedAt },
    evaluate: (state, context) =>
      evaluateEvent(
        {
          eventId: row.eventId,
          deviceId,
          deviceType,
          elderId,
          uplink: row.uplink as unknown as Uplink,
          occurredAt: row.occurredAt.getTime(),
          receivedAt: row.receivedAt.getTime(),
        },
        state,
        context,
      ),
  };
}

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
