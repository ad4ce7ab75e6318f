/** Everything the worker needs, resolved by whoever starts it. */
export interface WorkerOptions {
  redis: { url: string };
  queuePrefix: string;
  concurrency: number;
  /** See WORKER_LOCK_MS. */
  lockMs: number;
}

export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');
