export * from './api.module';
export * from './api.options';
export * from './bootstrap';
export * from './devices/device-provisioning';
export * from './devices/device-registry.service';
export * from './alerts/alert-case.service';
