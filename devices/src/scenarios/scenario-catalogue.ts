import { asleepScenario } from './asleep.scenario';
import { deviceSilentScenario } from './device-silent.scenario';
import { fallScenario } from './fall.scenario';
import { leftSafeZoneScenario } from './left-safe-zone.scenario';
import { bedNoReturnScenario } from './bed-no-return.scenario';
import { noWaterDayScenario } from './no-water-day.scenario';
import type { Scenario, ScenarioName } from './scenario';
import { sosCancelledScenario } from './sos-cancelled.scenario';
import { sosPressScenario } from './sos-press.scenario';
import { tapRunningScenario } from './tap-running.scenario';

/** Every scripted scenario, by name. */
export const SCENARIOS: Readonly<Record<ScenarioName, Scenario>> = {
  'sos-press': sosPressScenario,
  'sos-cancelled': sosCancelledScenario,
  fall: fallScenario,
  'no-water-day': noWaterDayScenario,
  'tap-running': tapRunningScenario,
  'left-safe-zone': leftSafeZoneScenario,
  'device-silent': deviceSilentScenario,
  asleep: asleepScenario,
  'bed-no-return': bedNoReturnScenario,
};

/** True when `name` is a scenario's name. */
export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
