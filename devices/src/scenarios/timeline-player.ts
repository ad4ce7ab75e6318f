import { setTimeout as sleep } from 'node:timers/promises';
import type { Uplink } from '../protocol-shim';
import { applyTimestampMode, defaultTimestampMode, type TimestampMode } from '../timestamp-mode';
import type { TimelineEntry } from './scenario';

/** What the player needs of a device; a `SimulatedDevice` is one. */
export interface UplinkPublisher {
  readonly deviceId: string;
  publish(uplink: Uplink): Promise<void>;
}

/** Options of {@link playTimeline}. */
export interface PlayOptions {
  /** Simulated milliseconds per real millisecond; default 1. `Infinity` sends everything at once. */
  speed?: number;
  /** What goes in `ts`; default `simulated` at speed 1, `omit` otherwise. */
  timestamps?: TimestampMode;
  /** Stops the playback; the pending wait rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called after each uplink is acknowledged by the broker, with the uplink as sent. */
  onPublished?: (entry: TimelineEntry) => void;
}

/**
 * Plays a timeline through devices in time order, keeping the gaps between entries divided by
 * `speed`. Each uplink goes out with its own msgId, so playing a timeline twice is a retransmission.
 * Every device the timeline names must be given.
 */
export async function playTimeline(
  timeline: readonly TimelineEntry[],
  devices: readonly UplinkPublisher[],
  options: PlayOptions = {},
): Promise<void> {
  const byId = new Map(devices.map((device) => [device.deviceId, device]));
  const missing = timeline.find((entry) => !byId.has(entry.deviceId));
  if (missing) throw new Error(`the timeline names ${missing.deviceId}, which was not given`);
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new Error(`speed must be positive, got ${speed}`);
  const timestamps = options.timestamps ?? defaultTimestampMode(speed);

  const ordered = [...timeline].sort((a, b) => a.atMs - b.atMs);
  const realStartMs = performance.now();
  for (const entry of ordered) {
    const dueInMs = (entry.atMs - ordered[0].atMs) / speed - (performance.now() - realStartMs);
    if (dueInMs > 0) await sleep(dueInMs, undefined, { signal: options.signal });
    options.signal?.throwIfAborted();
    const uplink = applyTimestampMode(entry.uplink, timestamps);
    await byId.get(entry.deviceId)!.publish(uplink);
    options.onPublished?.({ ...entry, uplink });
  }
}
