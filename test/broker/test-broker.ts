import {
  DeviceRegistryService,
  registryOnlyProvisioning,
  type DeviceProvisioning,
  type DeviceRegistration,
  type IssuedCredentials,
} from '@eldercare/api';
import { connectProvisioner, createEmbeddedBroker } from '@eldercare/broker';
import type { DeviceRepository } from '@eldercare/persistence';
import { startTestMosquitto, type TestMosquitto } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';

export type BrokerMode = 'mosquitto' | 'embedded';

/** A broker for one test file, with the gateway's account and a way to give devices theirs. */
export interface TestBroker {
  mode: BrokerMode;
  url: string;
  service: { username: string; password: string };
  sharedSubscription: boolean;
  /** The Mosquitto itself (its process, a restart), in `mosquitto` mode. */
  mosquitto?: TestMosquitto;
  provisioning: DeviceProvisioning;
  /** Registers devices as the api does (a registry row, a broker account) and returns their secrets. */
  registerDevices(registrations: DeviceRegistration[]): Promise<IssuedCredentials[]>;
  stop(): Promise<void>;
}

const SERVICE_USERNAME = 'eldercare-gateway';

/** Mosquitto from docker/mosquitto with dynamic security on a free port, or the embedded broker on the registry. */
export async function startTestBroker(mode: BrokerMode, registry: DeviceRepository): Promise<TestBroker> {
  const service = { username: SERVICE_USERNAME, password: randomBytes(18).toString('base64url') };
  const registering = (provisioning: DeviceProvisioning) => {
    const devices = new DeviceRegistryService(registry, provisioning);
    return (registrations: DeviceRegistration[]) => devices.register(registrations);
  };
  if (mode === 'mosquitto') {
    const mosquitto = await startTestMosquitto();
    const admin = await connectProvisioner(mosquitto.url, mosquitto.admin);
    await admin.provisioner.ensureServiceAccount(service.username, service.password);
    return {
      mode,
      url: mosquitto.url,
      service,
      sharedSubscription: true,
      mosquitto,
      provisioning: admin.provisioner,
      registerDevices: registering(admin.provisioner),
      stop: async () => {
        await admin.close();
        await mosquitto.stop();
      },
    };
  }
  const broker = createEmbeddedBroker({ credentials: registry, service, logger: { warn: () => undefined } });
  const address = await broker.listen(0, '127.0.0.1');
  return {
    mode,
    url: `mqtt://127.0.0.1:${address.port}`,
    service,
    sharedSubscription: false,
    provisioning: registryOnlyProvisioning,
    registerDevices: registering(registryOnlyProvisioning),
    stop: () => broker.close(),
  };
}
