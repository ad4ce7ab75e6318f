export * from './topics';
export * from './device-types';
