export * from './queue-names';
export * from './device-event.job';
export * from './device-status.job';
export * from './rule-timer.job';
export * from './alert.jobs';
export * from './send-downlink.job';
export * from './console';
export * from './queue-jobs';
