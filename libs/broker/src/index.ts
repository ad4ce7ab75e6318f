export * from './broker-access.rule';
export type { DeviceCredentialStore } from './device-credential.store';
export type { BrokerLogger, ServiceAccount } from './aedes-access.guard';
export * from './embedded-broker.factory';
export * from './dynsec.error';
export type { DynsecControlOptions } from './dynsec-control.client';
export * from './mosquitto-dynsec.provisioner';
export * from './dynsec-admin.connection';
