import type { DeviceType, Uplink } from '@eldercare/protocol';
import type { Absence } from './absence';
import type { DeviceRuleState } from './device-rule-state';
import type { RuleDecision, TimerKind } from './rule-decision';
import type { RuleSettings } from './rule-settings';

/** One stored device message as the rules see it; times are epoch milliseconds. */
export interface DeviceEvent {
  /** Id of the stored message; unique, so it identifies a redelivery. */
  eventId: string;
  deviceId: string;
  deviceType: DeviceType;
  elderId: string;
  uplink: Uplink;
  /** Device time when trusted, otherwise the receive time. */
  occurredAt: number;
  receivedAt: number;
}

/** A due delayed job of a time-based rule. */
export interface DueTimer {
  kind: TimerKind;
  dueAt: number;
}

/** A change of a device's connection as the broker reports it: `online: false` is the last will. */
export interface DeviceStatusChange {
  online: boolean;
  receivedAt: number;
}

/** What the rules know besides the device: the elder's settings and absences, and the time of evaluation. */
export interface RuleContext {
  settings: RuleSettings;
  absences: readonly Absence[];
  now: number;
}

/** The device's next state and what the worker must do, in order. */
export interface RuleOutcome {
  state: DeviceRuleState;
  decisions: RuleDecision[];
}
