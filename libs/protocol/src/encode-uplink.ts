import type { Uplink } from './uplink.schema';

/**
 * Serialises an uplink as a device would send it. It does not validate: simulators use it to send out-of-range
 * values on purpose and watch the platform refuse them.
 */
export function encodeUplink(uplink: Uplink): Buffer {
  return Buffer.from(JSON.stringify(uplink), 'utf8');
}
