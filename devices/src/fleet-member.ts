import type { DeviceCredentials } from './device-credentials';
import type { DeviceModel } from './device-model';

/** One device a fleet runner drives: who it is on the broker, and what it does. */
export interface FleetMember {
  credentials: DeviceCredentials;
  model: DeviceModel;
}
