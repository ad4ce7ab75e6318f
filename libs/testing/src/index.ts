export * from './app-process';
export * from './expect-eventually';
export * from './test-database';
export * from './test-environment';
export * from './test-mosquitto';
export * from './test-elders';
export * from './test-users';
export * from './api-client';
