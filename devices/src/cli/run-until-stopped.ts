import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Resolves on Ctrl-C or SIGTERM, or after `durationSec` of real time when given; whichever comes
 * first. Long-running commands stop their devices cleanly after it.
 */
export async function untilStopped(durationSec?: number): Promise<void> {
  const controller = new AbortController();
  const { signal } = controller;
  const stops: Array<Promise<unknown>> = [once(process, 'SIGINT', { signal }), once(process, 'SIGTERM', { signal })];
  if (durationSec !== undefined) stops.push(sleep(durationSec * 1000, undefined, { signal }));
  try {
    await Promise.race(stops);
  } finally {
    controller.abort();
    // The losers of the race reject with AbortError; nobody is waiting for them.
    stops.forEach((stop) => stop.catch(() => undefined));
  }
}
