import type { DeviceType } from '@eldercare/protocol';
import type { Absence } from '../absence';
import type { DeviceRuleState } from '../device-rule-state';
import { evaluateDeviceStatus } from '../evaluate-device-status';
import { evaluateEvent } from '../evaluate-event';
import { evaluateTimer } from '../evaluate-timer';
import type { RaiseDecision, RuleDecision, TimerKind } from '../rule-decision';
import type { DeviceEvent, RuleContext, RuleOutcome } from '../rule-input';
import type { RuleSettingsOverrides } from '../rule-settings';
import { deviceEvent, freshState, ruleContext, type UplinkBody } from '../rule-test-kit.fixture';

/** What happened at one moment of a scenario: an event or a timer, and the decisions it gave. */
export interface HarnessEntry {
  at: number;
  cause: string;
  decisions: RuleDecision[];
}

/**
 * The worker in miniature, on a fake clock: it keeps one timer per kind as the decisions ask, fires each when the
 * clock reaches it, and records every decision, so a scenario can check the exact story from first event to last.
 */
export class RuleHarness {
  state: DeviceRuleState;
  now: number;
  readonly log: HarnessEntry[] = [];
  readonly timers = new Map<TimerKind, number>();

  constructor(
    private readonly deviceType: DeviceType,
    start: number,
    private readonly overrides: RuleSettingsOverrides = {},
    private readonly absences: Absence[] = [],
  ) {
    this.state = freshState(deviceType);
    this.now = start;
  }

  /** Moves the clock to `at`, then delivers the uplink as an event that happened then. */
  send(body: UplinkBody, at: number, options: { receivedAt?: number; eventId?: string } = {}): RuleDecision[] {
    const event = deviceEvent(this.deviceType, body, at, options);
    this.advanceTo(Math.max(at, options.receivedAt ?? at));
    return this.deliver(event);
  }

  /** Delivers an event again, as a queue does after a crash, without moving the clock. */
  deliver(event: DeviceEvent): RuleDecision[] {
    return this.apply(`event ${event.uplink.kind}`, evaluateEvent(event, this.state, this.context()));
  }

  /** Moves the clock to `at`, then reports the device's connection change. */
  status(online: boolean, at: number): RuleDecision[] {
    this.advanceTo(at);
    return this.apply(
      online ? 'online' : 'last will',
      evaluateDeviceStatus({ online, receivedAt: at }, this.state, this.context()),
    );
  }

  /** Moves the clock forward, firing each timer when its time comes, earliest first. */
  advanceTo(at: number): void {
    for (let next = this.nextTimer(at); next; next = this.nextTimer(at)) {
      const [kind, dueAt] = next;
      this.timers.delete(kind);
      this.now = dueAt;
      this.apply(`timer ${kind}`, evaluateTimer({ kind, dueAt }, this.state, this.context()));
    }
    this.now = Math.max(this.now, at);
  }

  /** Every decision so far with when and why it came, leaving out the (re)scheduling of `quietTimer` if given. */
  story(quietTimer?: TimerKind): { at: number; cause: string; decision: RuleDecision }[] {
    const isQuiet = (decision: RuleDecision) =>
      (decision.type === 'schedule' || decision.type === 'unschedule') && decision.timer === quietTimer;
    return this.log.flatMap(({ at, cause, decisions }) =>
      decisions.filter((decision) => !isQuiet(decision)).map((decision) => ({ at, cause, decision })),
    );
  }

  /** Every raise so far, in order. */
  raises(): RaiseDecision[] {
    return this.log.flatMap((entry) =>
      entry.decisions.filter((decision): decision is RaiseDecision => decision.type === 'raise'),
    );
  }

  private nextTimer(until: number): [TimerKind, number] | undefined {
    return [...this.timers].filter(([, dueAt]) => dueAt <= until).sort((a, b) => a[1] - b[1])[0];
  }

  private context(): RuleContext {
    return ruleContext(this.now, this.overrides, this.absences);
  }

  private apply(cause: string, outcome: RuleOutcome): RuleDecision[] {
    this.state = outcome.state;
    for (const decision of outcome.decisions) {
      if (decision.type === 'schedule') this.timers.set(decision.timer, decision.dueAt);
      if (decision.type === 'unschedule') this.timers.delete(decision.timer);
    }
    if (outcome.decisions.length > 0) this.log.push({ at: this.now, cause, decisions: outcome.decisions });
    return outcome.decisions;
  }
}
