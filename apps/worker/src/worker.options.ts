/** Everything the worker needs, resolved by whoever starts it. */
export interface WorkerOptions {
  redis: { url: string };
  queuePrefix: string;
  /** Jobs of `device-events` (readings and status) taken at once. */
  concurrency: number;
  /** Jobs of `device-alarms` taken at once, on slots of their own that no reading can take. */
  alarmConcurrency: number;
  /** See WORKER_LOCK_MS. */
  lockMs: number;
  /** Hours after its start by which a time-bank request nobody came for is closed (DEFAULT_ABANDON_AFTER_HOURS). */
  abandonVolunteerRequestsAfterHours?: number;
}

export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');
