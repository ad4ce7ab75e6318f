import { evaluateLastWill, hearFromDevice } from './device-silent.rule';
import type { DeviceRuleState } from './device-rule-state';
import type { DeviceStatusChange, RuleContext, RuleOutcome } from './rule-input';

/**
 * A change of the device's connection from its retained status topic. Online is something heard (the
 * device-silent timer moves); offline is the broker's last will, reported at once as device-silent.
 */
export function evaluateDeviceStatus(
  status: DeviceStatusChange,
  state: DeviceRuleState,
  context: RuleContext,
): RuleOutcome {
  return status.online
    ? hearFromDevice(state, status.receivedAt, context.settings)
    : evaluateLastWill(status, state, context);
}
