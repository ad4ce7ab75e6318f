import { downlinkSchema, type Downlink } from './downlink.schema';
import { readJsonObject } from './read-json-object';
import { describeIssues } from './refusal-detail';

/**
 * Serialises a downlink after checking it against `downlinkSchema`, so the platform never sends what the protocol
 * page would not let a device accept.
 *
 * @throws TypeError naming the fault when `downlink` is invalid (a platform bug, e.g. a `config` with no interval).
 */
export function encodeDownlink(downlink: Downlink): Buffer {
  const parsed = downlinkSchema.safeParse(downlink);
  if (!parsed.success) throw new TypeError(`invalid downlink: ${describeIssues(parsed.error.issues, downlink)}`);
  return Buffer.from(JSON.stringify(parsed.data), 'utf8');
}

/**
 * Reads a downlink as a device would: strictly, with the uplink size and encoding limits. Undefined for anything
 * the protocol does not allow; simulators only need to know whether it is valid.
 */
export function decodeDownlink(payload: Uint8Array): Downlink | undefined {
  const read = readJsonObject(payload);
  if (!read.ok) return undefined;
  const parsed = downlinkSchema.safeParse(read.value);
  return parsed.success ? parsed.data : undefined;
}
