/**
 * Queue and job names.
 * STORED OUTSIDE THE CODE: these strings are keys in Redis with jobs waiting under them.
 * Never rename one without a migration that drains or moves the old queue.
 */
export const QueueName = {
  DeviceEvents: 'device-events',
  Dispatch: 'dispatch',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  ProcessDeviceEvent: 'process-device-event',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];
