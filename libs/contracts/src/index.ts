export * from './queue-names';
export * from './device-event.job';
