export * from './devices/device-secret';
