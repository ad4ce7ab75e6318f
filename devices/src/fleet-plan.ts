import type { DeviceCredentials } from './device-credentials';
import { createDeviceModel } from './device-model-factory';
import type { FleetMember } from './fleet-member';
import { offsetByMeters, roundCoordinates, type GeoPoint } from './geo-point';
import { SeededRandom } from './seeded-random';

/** Options of {@link planFleet}. */
export interface FleetPlanOptions {
  seed: string;
  /** Simulated epoch ms at which the devices start. */
  startMs: number;
  /** Homes are scattered around this point. */
  centre: GeoPoint;
  /** How far from the centre homes lie; default 5 km. */
  radiusM?: number;
  utcOffsetMinutes?: number;
}

/**
 * A fleet of devices, each in a different elder's home: a credentials list does not say which
 * devices share a home, so each gets its own routine and its own home near the centre.
 */
export function planFleet(credentials: readonly DeviceCredentials[], options: FleetPlanOptions): FleetMember[] {
  const radiusM = options.radiusM ?? 5_000;
  return credentials.map((device) => {
    const elderSeed = `${options.seed}/${device.deviceId}`;
    const random = SeededRandom.from(elderSeed, 'home');
    // Uniform over the disc, not bunched at the centre.
    const distanceM = radiusM * Math.sqrt(random.next());
    const bearing = random.between(0, 2 * Math.PI);
    return {
      credentials: device,
      model: createDeviceModel(device.type, {
        seed: elderSeed,
        routineSeed: elderSeed,
        startMs: options.startMs,
        home: roundCoordinates(
          offsetByMeters(options.centre, distanceM * Math.cos(bearing), distanceM * Math.sin(bearing)),
        ),
        utcOffsetMinutes: options.utcOffsetMinutes,
      }),
    };
  });
}
