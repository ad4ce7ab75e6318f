import type { PersistenceOptions } from '@eldercare/persistence';

/**
 * Where a worker takes `device-alarms`:
 * - `inline`: on slots of its own, but on this event loop and connection pool, beside readings;
 * - `thread`: in a thread this worker starts, with its own event loop, connection pool (to `database`) and Redis
 *   connections, so that no pass of readings, however many keep this loop and pool busy, holds an alarm back;
 * - `alone`: nothing but alarms (what that thread runs).
 */
export type AlarmLane =
  { runs: 'inline' } | { runs: 'thread'; database: PersistenceOptions; logLevel: string } | { runs: 'alone' };

/** Everything the worker needs, resolved by whoever starts it. */
export interface WorkerOptions {
  redis: { url: string };
  queuePrefix: string;
  /** Jobs of `device-events` (readings and status) taken at once. */
  concurrency: number;
  /** Jobs of `device-alarms` taken at once, on slots of their own that no reading can take. */
  alarmConcurrency: number;
  /** Inline unless told otherwise. */
  alarmLane?: AlarmLane;
  /** See WORKER_LOCK_MS. */
  lockMs: number;
  /** Hours after its start by which a time-bank request nobody came for is closed (DEFAULT_ABANDON_AFTER_HOURS). */
  abandonVolunteerRequestsAfterHours?: number;
}

export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');
