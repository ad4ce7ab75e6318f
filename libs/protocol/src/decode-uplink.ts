import { ENVELOPE_FIELDS, envelopeSchema, msgIdSchema } from './envelope.schema';
import { readJsonObject } from './read-json-object';
import { refusal, type Refusal } from './refusal';
import { describeIssues, describeUnknownFields, quoteUntrusted } from './refusal-detail';
import { UPLINK_FIELD_NAMES } from './uplink.schema';
import { isUplinkKind, type UplinkKind } from './uplink-kinds';

/**
 * An uplink after stage 1: a well-formed envelope and a protocol v1 kind, fields not yet checked against the
 * device type. Enough for the gateway to route `sos` and `fall` ahead of the rest; not enough to act on.
 */
export interface DecodedUplink {
  ok: true;
  msgId: string;
  kind: UplinkKind;
  /** Device time, epoch milliseconds, as sent; `validateUplink` decides whether to trust it. */
  ts?: number;
  /** Every field but the envelope's, with names the protocol knows and values not yet checked. */
  fields: Record<string, unknown>;
}

const envelopeFields: ReadonlySet<string> = new Set(ENVELOPE_FIELDS);

/**
 * Stage 1, on arrival, knowing only the device id from the topic: size, UTF-8, JSON, one object, the envelope,
 * a protocol v1 kind, and field names that some device type may send. The refusal carries `ref` whenever a valid
 * `msgId` could be read, so the device can match the `rejected` downlink to what it sent.
 */
export function decodeUplink(payload: Uint8Array): DecodedUplink | Refusal {
  const read = readJsonObject(payload);
  if (!read.ok) return read;
  const body = read.value;

  const msgId = Object.hasOwn(body, 'msgId') ? msgIdSchema.safeParse(body.msgId) : undefined;
  const ref = msgId?.success ? msgId.data : undefined;

  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return refusal('invalid-envelope', describeIssues(envelope.error.issues, body), ref);
  const { kind, ts } = envelope.data;
  if (!isUplinkKind(kind))
    return refusal('unknown-kind', `kind ${quoteUntrusted(kind)} is not a protocol v1 kind`, ref);

  const names = Object.keys(body).filter((name) => !envelopeFields.has(name));
  const unknown = names.filter((name) => !UPLINK_FIELD_NAMES.has(name));
  if (unknown.length > 0) return refusal('invalid-fields', describeUnknownFields(unknown), ref);

  // fromEntries defines own properties, so even a key named __proto__ could not reach a prototype here.
  const fields = Object.fromEntries(names.map((name) => [name, body[name]]));
  return ts === undefined
    ? { ok: true, msgId: envelope.data.msgId, kind, fields }
    : { ok: true, msgId: envelope.data.msgId, kind, ts, fields };
}
