import { CHINA_UTC_OFFSET_MINUTES, MINUTE_MS } from '../local-time';
import type { Downlink, Uplink } from '../protocol-shim';

/** Simulated time as the dispatch centre reads it: China Standard Time, to the second. */
export function formatSimTime(atMs: number): string {
  return `${new Date(atMs + CHINA_UTC_OFFSET_MINUTES * MINUTE_MS).toISOString().slice(0, 19).replace('T', ' ')} +08:00`;
}

export function printUplink(deviceId: string, uplink: Uplink | string, atMs = Date.now()): void {
  console.log(
    `${formatSimTime(atMs)}  ${deviceId.padEnd(14)} up    ${typeof uplink === 'string' ? uplink : JSON.stringify(uplink)}`,
  );
}

export function printDownlink(deviceId: string, downlink: Downlink | Buffer, atMs = Date.now()): void {
  const text = Buffer.isBuffer(downlink)
    ? `(unreadable) ${downlink.toString('utf8', 0, 200)}`
    : JSON.stringify(downlink);
  console.log(`${formatSimTime(atMs)}  ${deviceId.padEnd(14)} down  ${text}`);
}

/** "60x", or "full speed" for a scenario played without waiting. */
export function describeSpeed(speed: number): string {
  return Number.isFinite(speed) ? `${speed}x` : 'full speed';
}

/** A stretch of simulated time in the unit a person would use. */
export function describeSpan(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}
