import type { DeviceCredentials } from './device-credentials';
import { createDeviceModel } from './device-model-factory';
import type { FleetMember } from './fleet-member';
import type { GeoPoint } from './geo-point';

/** Options of {@link planHousehold}. */
export interface HouseholdPlanOptions {
  /** Seed of the elder; the same seed replays the same days. */
  seed: string;
  /** Simulated epoch ms at which the devices start. */
  startMs: number;
  home: GeoPoint;
  utcOffsetMinutes?: number;
  /** Whether the elder sleeps with the watch on (the wearable model's `wornAtNight`). */
  wornAtNight?: boolean;
}

/**
 * The devices in one elder's home, at most one of each type. They share the elder's daily routine,
 * so the meter is quiet while the watch is out on a walk.
 */
export function planHousehold(credentials: readonly DeviceCredentials[], options: HouseholdPlanOptions): FleetMember[] {
  const types = credentials.map((device) => device.type);
  const repeated = types.find((type, index) => types.indexOf(type) !== index);
  if (repeated) throw new Error(`a household has one device of each type, but two are ${repeated}`);
  return credentials.map((device) => ({
    credentials: device,
    model: createDeviceModel(device.type, {
      seed: `${options.seed}/${device.deviceId}`,
      routineSeed: options.seed,
      startMs: options.startMs,
      home: options.home,
      utcOffsetMinutes: options.utcOffsetMinutes,
      wornAtNight: options.wornAtNight,
    }),
  }));
}
