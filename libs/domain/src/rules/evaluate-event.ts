import { DomainError } from '../errors/domain-error';
import { evaluateBattery } from './battery.rule';
import { evaluateBed } from './bed.rule';
import { hearFromDevice } from './device-silent.rule';
import type { DeviceRuleState } from './device-rule-state';
import { evaluateFall } from './fall.rule';
import { evaluateWorn } from './not-worn.rule';
import { andThen, unchanged } from './rule-outcome';
import type { DeviceEvent, RuleContext, RuleOutcome } from './rule-input';
import { evaluateLocation } from './safe-zone.rule';
import { evaluateCancel, evaluateSos } from './sos.rule';
import { evaluateVitals } from './vitals.rule';
import { evaluateWater } from './water.rule';

// Event ids are Postgres bigints as decimal text: a shorter one is smaller. Any other id still gets a total order.
function compareEventIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the event comes after the last one applied, by device time and then event id. */
function isNewer(event: Pick<DeviceEvent, 'eventId' | 'occurredAt'>, state: RuleProgress): boolean {
  const last = state.lastApplied;
  if (last === null || event.occurredAt > last.occurredAt) return true;
  return event.occurredAt === last.occurredAt && compareEventIds(event.eventId, last.eventId) > 0;
}

/**
 * True when evaluating the event on this state changes nothing and decides nothing: neither an sos nor a fall (those
 * answer every delivery), at or before the last event applied, and received no later than the device was last heard.
 * The job of an event that an earlier pass caught up on is one: the worker can complete it without evaluating it.
 */
export function isSettled(event: SettledCheck, state: RuleProgress): boolean {
  if (event.uplink.kind === 'sos' || event.uplink.kind === 'fall') return false;
  if (state.lastHeardAt === null || event.receivedAt > state.lastHeardAt) return false;
  return !isNewer(event, state);
}

/** How far the rules have come with a device: what `isSettled` reads of its state. */
export type RuleProgress = Pick<DeviceRuleState, 'lastApplied' | 'lastHeardAt'>;

/** What `isSettled` reads of an event. */
export type SettledCheck = Pick<DeviceEvent, 'eventId' | 'occurredAt' | 'receivedAt' | 'uplink'>;

function applyStatefulRules(event: DeviceEvent, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  const { settings } = context;
  const uplink = event.uplink;
  switch (uplink.kind) {
    case 'cancel':
      return evaluateCancel(event, state, settings);
    case 'vitals':
      return evaluateVitals(event, uplink, state, settings);
    case 'water':
      return evaluateWater(event, uplink, state, settings);
    case 'location':
      return evaluateLocation(event, uplink, state, context);
    case 'worn':
      return evaluateWorn(event, uplink, state, settings);
    case 'heartbeat':
      return evaluateBattery(event, uplink, state, settings);
    case 'bed':
      return evaluateBed(event, uplink, state, settings);
    case 'sos':
    case 'fall':
      return unchanged(state);
  }
}

/**
 * Every rule for one device event: the device's next state and the decisions for the worker, in order.
 *
 * sos and fall raise on every delivery, in order or not, so a late sos is never lost (the worker drops a repeat by
 * the raise's trigger id). The stateful rules (cancel, vitals, water, location, worn, battery, bed) apply only an event
 * newer than the last applied one by (device time, event id): a redelivered or older event changes nothing there.
 * Anything heard moves the device-silent timer, and that decision comes last.
 *
 * Throws `DomainError` `rule-state-device-mismatch` when the state belongs to another device.
 */
export function evaluateEvent(event: DeviceEvent, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  if (event.deviceId !== state.deviceId) {
    throw new DomainError(
      'rule-state-device-mismatch',
      `event of device ${event.deviceId} given the rule state of ${state.deviceId}`,
    );
  }
  if (isSettled(event, state)) return unchanged(state);
  let outcome = unchanged(state);
  const uplink = event.uplink;
  if (uplink.kind === 'sos') outcome = andThen(outcome, (next) => evaluateSos(event, uplink, next));
  if (uplink.kind === 'fall')
    outcome = andThen(outcome, (next) => ({ state: next, decisions: evaluateFall(event, uplink, context.settings) }));
  if (isNewer(event, outcome.state)) {
    outcome = andThen(outcome, (next) =>
      applyStatefulRules(
        event,
        { ...next, lastApplied: { occurredAt: event.occurredAt, eventId: event.eventId } },
        context,
      ),
    );
  }
  return andThen(outcome, (next) => hearFromDevice(next, event.receivedAt, context.settings));
}
