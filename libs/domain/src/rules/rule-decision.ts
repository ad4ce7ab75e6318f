import type { Severity } from '../alerts/severity';
import type { RuleCode } from './rule-code';

/**
 * Timers of the time-based rules; the worker keeps at most one delayed job per (device, timer kind).
 * STORED OUTSIDE THE CODE: the kinds are part of delayed jobs' fixed ids in Redis. Never rename one without
 * draining or moving the jobs that carry it.
 */
export const TIMER_KINDS = [
  'no-water',
  'device-silent',
  'not-worn',
  'outside-zone',
  'water-running',
  'bed-no-return',
  'out-of-bed-at-night',
] as const;

/** One of `TIMER_KINDS`. */
export type TimerKind = (typeof TIMER_KINDS)[number];

/** True when `value` is a timer kind (job payloads come back from Redis as text, so they are checked before use). */
export function isTimerKind(value: string): value is TimerKind {
  return (TIMER_KINDS as readonly string[]).includes(value);
}

/** Raise an alert: the worker merges it into the open alert of the same elder and rule, or opens one. */
export interface RaiseDecision {
  type: 'raise';
  rule: RuleCode;
  severity: Severity;
  /** When the condition became true: the device time of the event, or the due time of the timer. */
  occurredAt: number;
  /** What the operator sees on the alert; plain JSON, the latest trigger's evidence replaces the previous one. */
  evidence: Record<string, unknown>;
  /**
   * The same for every evaluation of the same trigger and different for every other trigger of the elder: a
   * redelivered event or timer gives the same id, so the worker can store it and drop the repeat.
   * `event:<eventId>:<rule>`, `timer:<deviceId>:<kind>:<dueAt>`, `status:<deviceId>:offline:<receivedAt>`,
   * `water-baseline:<first quiet hour>`.
   */
  triggerId: string;
  /** The device event that raised it; absent when a timer, a last will or the baseline did. */
  sourceEventId?: string;
  /** The device's msgId of that event, for the `ack` downlinks of sos and fall. */
  sourceMsgId?: string;
}

/** The elder cancelled a button sos within the window: mark the alert raised by that sos cancelled by the elder. */
export interface CancelByElderDecision {
  type: 'cancel-by-elder';
  rule: 'sos';
  /** The event id of the sos being cancelled (the alert's source event). */
  sourceEventId: string;
  /** The msgId of the sos being cancelled. */
  sourceMsgId: string;
  /** Device time of the cancel. */
  occurredAt: number;
}

/**
 * The condition a rule raised is over (the silent device talks again): resolve the elder's open alert of the rule when
 * this device alone raised it. An alert other devices also fed stays open for them.
 */
export interface ClearDecision {
  type: 'clear';
  rule: 'device-silent';
  /** Receive time of what showed the condition is over. */
  occurredAt: number;
}

/** Keep one delayed job for this device and timer, due at `dueAt`, replacing any earlier one. */
export interface ScheduleDecision {
  type: 'schedule';
  timer: TimerKind;
  dueAt: number;
}

/** Remove this device's delayed job for the timer, if any. */
export interface UnscheduleDecision {
  type: 'unschedule';
  timer: TimerKind;
}

/** What the worker must do after a rule evaluation, in order. */
export type RuleDecision =
  RaiseDecision | CancelByElderDecision | ClearDecision | ScheduleDecision | UnscheduleDecision;
