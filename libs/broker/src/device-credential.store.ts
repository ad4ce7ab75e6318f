/** What the broker needs to know to let a device in. */
export interface DeviceCredentials {
  /** `hashSecret` output (scrypt); the secret itself is never stored. */
  secretHash: string;
  /** False once the device is retired: it is refused even with the right secret. */
  active: boolean;
}

/** Where device credentials come from; the device registry (Postgres) implements it. */
export interface DeviceCredentialStore {
  /** Undefined when no device has this id. */
  findCredentials(deviceId: string): Promise<DeviceCredentials | undefined>;
}
