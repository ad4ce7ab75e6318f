/**
 * What the server keeps of a device's credentials, and all the broker needs to let it in: the hash of its secret
 * (the secret itself is never stored) and whether the device is still in service.
 */
export interface StoredDeviceCredentials {
  /** `hashSecret` output (scrypt). */
  secretHash: string;
  /** False once the device is retired: it is refused even with the right secret. */
  active: boolean;
}
