import type { HeartbeatUplink } from '@eldercare/protocol';
import type { DeviceRuleState } from './device-rule-state';
import { raiseFromEvent } from './rule-outcome';
import type { DeviceEvent, RuleOutcome } from './rule-input';
import type { RuleSettings } from './rule-settings';

/**
 * A heartbeat's battery level: below the threshold raises battery-low once, then stays quiet (a battery does
 * not need a new alert every fifteen minutes) until a heartbeat at or above the threshold re-arms it.
 */
export function evaluateBattery(
  event: DeviceEvent,
  uplink: HeartbeatUplink,
  state: DeviceRuleState,
  settings: RuleSettings,
): RuleOutcome {
  const threshold = settings.battery.lowBelowPercent;
  if (uplink.battery >= threshold) return { state: { ...state, batteryLow: false }, decisions: [] };
  if (state.batteryLow) return { state, decisions: [] };
  return {
    state: { ...state, batteryLow: true },
    decisions: [raiseFromEvent('battery-low', event, { battery: uplink.battery, threshold })],
  };
}
