import { Inject, Injectable } from '@nestjs/common';
import { DEVICE_GRANTS_VERSION } from '@eldercare/broker';
import { DomainError } from '@eldercare/domain';
import { generateDeviceSecret, hashSecret } from '@eldercare/secrets';
import { DeviceRepository } from '@eldercare/persistence';
import { isValidDeviceId, type DeviceType } from '@eldercare/protocol';
import { DEVICE_PROVISIONING, type DeviceProvisioning } from './device-provisioning';

export interface DeviceRegistration {
  id: string;
  type: DeviceType;
  elderId: string | null;
}

/** The only time a device secret exists in clear: returned to whoever registered the device, then forgotten. */
export interface IssuedCredentials {
  deviceId: string;
  secret: string;
}

/** Registers and retires devices: the registry row with a hashed secret, and the device's broker account. */
@Injectable()
export class DeviceRegistryService {
  constructor(
    private readonly devices: DeviceRepository,
    @Inject(DEVICE_PROVISIONING) private readonly provisioning: DeviceProvisioning,
  ) {}

  async register(registrations: DeviceRegistration[]): Promise<IssuedCredentials[]> {
    const invalid = registrations.find((registration) => !isValidDeviceId(registration.id));
    if (invalid) throw new DomainError('device-id-invalid', 'a device id is 3 to 64 characters of A-Z a-z 0-9 _ -');
    const issued = registrations.map((registration) => ({ deviceId: registration.id, secret: generateDeviceSecret() }));
    const hashes = await Promise.all(issued.map((credentials) => hashSecret(credentials.secret)));
    try {
      await this.devices.insert(
        registrations.map((registration, index) => ({
          ...registration,
          secretHash: hashes[index],
          brokerGrantsVersion: DEVICE_GRANTS_VERSION,
        })),
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new DomainError('device-already-registered', 'a device with this id is registered');
      throw error;
    }
    await this.provisioning.provisionDevices(issued);
    return issued;
  }

  async retire(deviceId: string): Promise<void> {
    if (!(await this.devices.retire(deviceId)))
      throw new DomainError('device-not-found', 'no active device has this id');
    await this.provisioning.revokeDevice(deviceId);
  }
}
