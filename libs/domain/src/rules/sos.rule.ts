import type { SosUplink } from '@eldercare/protocol';
import { SECOND_MS } from '../time/durations';
import type { DeviceRuleState } from './device-rule-state';
import { raiseFromEvent, unchanged } from './rule-outcome';
import type { DeviceEvent, RuleOutcome } from './rule-input';
import type { RuleSettings } from './rule-settings';

/**
 * An sos from a button or a watch: always a critical raise, even redelivered or late, because a lost sos is the
 * one failure the platform cannot afford; the worker drops the repeat by its trigger id. The device remembers its
 * latest sos so that a button's cancel can refer to it.
 */
export function evaluateSos(event: DeviceEvent, uplink: SosUplink, state: DeviceRuleState): RuleOutcome {
  const evidence = uplink.lat !== undefined && uplink.lon !== undefined ? { lat: uplink.lat, lon: uplink.lon } : {};
  const decisions = [raiseFromEvent('sos', event, evidence)];
  const isLatest = state.lastSos === null || event.occurredAt > state.lastSos.occurredAt;
  if (!isLatest) return { state, decisions };
  const lastSos = { eventId: event.eventId, msgId: uplink.msgId, occurredAt: event.occurredAt, cancelled: false };
  return { state: { ...state, lastSos }, decisions };
}

/**
 * A button's cancel, within the window after its latest sos and only once: the alert is marked cancelled by the
 * elder. A cancel too late, or with no sos before it (one that arrives before its sos, say), changes nothing: the
 * alert stays raised and an operator calls back, the safe side.
 */
export function evaluateCancel(event: DeviceEvent, state: DeviceRuleState, settings: RuleSettings): RuleOutcome {
  const sos = state.lastSos;
  if (sos === null || sos.cancelled) return unchanged(state);
  const sinceSos = event.occurredAt - sos.occurredAt;
  if (sinceSos < 0 || sinceSos > settings.sos.cancelWindowSec * SECOND_MS) return unchanged(state);
  return {
    state: { ...state, lastSos: { ...sos, cancelled: true } },
    decisions: [
      {
        type: 'cancel-by-elder',
        rule: 'sos',
        sourceEventId: sos.eventId,
        sourceMsgId: sos.msgId,
        occurredAt: event.occurredAt,
      },
    ],
  };
}
