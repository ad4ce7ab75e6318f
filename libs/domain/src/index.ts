export * from './errors/domain-error';
export * from './devices/device-secret';
export * from './elders/elder-category';
