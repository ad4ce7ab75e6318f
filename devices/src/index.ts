// The device simulators and load generator: speak device protocol v1 as firmware does.

export {
  SimulatedDevice,
  type SimulatedDeviceOptions,
  type SimulatedDeviceEvents,
  type RawPublishOptions,
} from './simulated-device';
export { MsgIdSequence } from './msg-id-sequence';
export type { UplinkBody } from './uplink-body';
export { parseCredentials, type DeviceCredentials } from './device-credentials';

export type { DeviceModel, DeviceModelOptions, DeviceConfig } from './device-model';
export { CallButtonModel, type CallButtonModelOptions } from './call-button.model';
export { WaterMeterModel, type WaterMeterModelOptions } from './water-meter.model';
export { WearableModel, type WearableModelOptions } from './wearable.model';
export { BedMatModel, type BedMatModelOptions } from './bed-mat.model';
export { createDeviceModel, type ElderDeviceModelOptions } from './device-model-factory';
export { planDailyRoutine, type DailyRoutine, type Meal, type TimeSpan, type Walk } from './daily-routine';
export { planWaterUse, flowChanges, type WaterUseEpisode, type FlowChange } from './water-use';
export { SeededRandom } from './seeded-random';
export { CHINA_UTC_OFFSET_MINUTES } from './local-time';
export { ZHONGSHAN_CITY_CENTRE, distanceMeters, offsetByMeters, type GeoPoint } from './geo-point';

export { SimClock } from './sim-clock';
export type { TimestampMode } from './timestamp-mode';
export type { FleetMember } from './fleet-member';
export { planHousehold, type HouseholdPlanOptions } from './household-plan';
export { planFleet, type FleetPlanOptions } from './fleet-plan';
export { FleetRunner, type FleetRunnerOptions, type FleetRunnerEvents, type FleetStats } from './fleet-runner';

export type { Scenario, ScenarioName, ScenarioOptions, TimelineEntry } from './scenarios/scenario';
export { SCENARIOS, isScenarioName } from './scenarios/scenario-catalogue';
export { playTimeline, type PlayOptions, type UplinkPublisher } from './scenarios/timeline-player';
