import type { StoredDeviceCredentials } from '@eldercare/secrets';

/** Where device credentials come from; the device registry (Postgres) implements it. */
export interface DeviceCredentialStore {
  /** Undefined when no device has this id. */
  findCredentials(deviceId: string): Promise<StoredDeviceCredentials | undefined>;
}
