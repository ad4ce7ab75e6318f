import type { DeviceProvisioning } from './devices/device-provisioning';

/** Everything the api needs, resolved by whoever starts it. */
export interface ApiOptions {
  redis: { url: string };
  queuePrefix: string;
  /** How registered devices get their broker accounts. */
  provisioning: DeviceProvisioning;
}

export const API_OPTIONS = Symbol('API_OPTIONS');
