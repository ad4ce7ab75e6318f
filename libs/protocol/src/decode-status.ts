import { readJsonObject } from './read-json-object';
import { refusal, type Refusal } from './refusal';
import { describeIssues } from './refusal-detail';
import { statusSchema } from './status.schema';

/** A `status` payload the platform accepts. */
export interface DecodedStatus {
  ok: true;
  online: boolean;
}

/**
 * Decodes a payload from a device's `status` topic: exactly `{"online":true}` or `{"online":false}`, with the
 * same size, UTF-8 and JSON checks as uplinks. An empty payload (a retained message being cleared) is `not-json`.
 */
export function decodeStatus(payload: Uint8Array): DecodedStatus | Refusal {
  const read = readJsonObject(payload);
  if (!read.ok) return read;
  const parsed = statusSchema.safeParse(read.value);
  if (!parsed.success) return refusal('invalid-status', describeIssues(parsed.error.issues, read.value));
  return { ok: true, online: parsed.data.online };
}
