import type { DeviceRole, RoleUpgradeResult } from '@eldercare/broker';

/**
 * Gives devices their broker accounts. Mosquitto needs each one created (`MosquittoDynsecProvisioner` has this
 * shape); the embedded broker and EMQX read the registry themselves.
 */
export interface DeviceProvisioning {
  provisionDevices(devices: { deviceId: string; secret: string }[]): Promise<unknown>;
  revokeDevice(deviceId: string): Promise<unknown>;
  /**
   * Adds to devices' roles what was granted to devices since the version each holds, keeping their secrets. Only a
   * broker that keeps roles of its own has it (`MosquittoDynsecProvisioner.upgradeDeviceRoles`); the others apply the
   * current rules to every device as it connects.
   */
  upgradeDeviceRoles?(roles: DeviceRole[]): Promise<RoleUpgradeResult>;
  /** Ends the connection to the broker's admin interface, if there is one. */
  close?(): Promise<void>;
}

export const DEVICE_PROVISIONING = Symbol('DEVICE_PROVISIONING');

/** For a broker that authenticates against the registry itself (the embedded one, EMQX with Postgres authn). */
export const registryOnlyProvisioning: DeviceProvisioning = {
  provisionDevices: async () => undefined,
  revokeDevice: async () => undefined,
};
