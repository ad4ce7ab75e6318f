import { VITAL_SIGNS, type DeviceRuleState, type VitalReading, type VitalSign } from './device-rule-state';
import { raiseFromEvent } from './rule-outcome';
import type { DeviceEvent, RuleOutcome } from './rule-input';
import type { RuleSettings, VitalLimits } from './rule-settings';

/** The readings of one report; a sign the device did not read is absent. */
export type VitalReadings = Partial<Record<VitalSign, number>>;

/**
 * A watch's or a bed mat's readings. Each sign keeps its own run of out-of-range readings: one reading back in range ends that
 * sign's run, a reading that lacks the sign leaves it as it was. A run raises once, when it reaches the elder's
 * count, with the run's readings; longer runs say nothing more until the sign has been back in range.
 */
export function evaluateVitals(
  event: DeviceEvent,
  uplink: VitalReadings,
  state: DeviceRuleState,
  settings: RuleSettings,
): RuleOutcome {
  const needed = settings.vitals.consecutiveReadings;
  const vitals = { ...state.vitals };
  const readings: Partial<Record<VitalSign, VitalReading[]>> = {};
  const limits: Partial<Record<VitalSign, VitalLimits>> = {};
  for (const sign of VITAL_SIGNS) {
    const value = uplink[sign];
    if (value === undefined) continue;
    const signLimits = settings.vitals[sign];
    if (value >= signLimits.min && value <= signLimits.max) {
      vitals[sign] = [];
      continue;
    }
    const run = vitals[sign] ?? [];
    if (run.length >= needed) continue;
    vitals[sign] = [...run, { value, at: event.occurredAt }];
    if (vitals[sign].length === needed) {
      readings[sign] = vitals[sign];
      limits[sign] = signLimits;
    }
  }
  const decisions = Object.keys(readings).length > 0 ? [raiseFromEvent('vitals', event, { readings, limits })] : [];
  return { state: { ...state, vitals }, decisions };
}
