import type { DecodedUplink } from './decode-uplink';
import { isDeviceType, type DeviceType } from './device-types';
import { ENVELOPE_FIELDS, msgIdSchema } from './envelope.schema';
import { MAX_CLOCK_AHEAD_MS } from './limits';
import { refusal, type Refusal } from './refusal';
import { describeIssues, quoteUntrusted } from './refusal-detail';
import { uplinkKindSchema, type Uplink } from './uplink.schema';
import { isKindAllowed, isUplinkKind, KINDS_BY_DEVICE_TYPE } from './uplink-kinds';

/** An uplink the platform accepts, with the time it is filed under. */
export interface AcceptedUplink {
  ok: true;
  /** The uplink as the device sent it, `ts` included; nothing unknown survives the strict schemas. */
  uplink: Uplink;
  /** Epoch milliseconds: the device's `ts` when trusted, otherwise the receive time. */
  occurredAt: number;
  /** Set only when `ts` was more than `MAX_CLOCK_AHEAD_MS` ahead and replaced: `ts - receivedAt`. */
  clockSkewMs?: number;
}

const envelopeFields: ReadonlySet<PropertyKey> = new Set(ENVELOPE_FIELDS);

/**
 * Stage 2, once the registry has told the device's type: the kind must be one the type sends, and its fields must
 * match that kind's strict schema. Then the time rule: a missing `ts`, or one more than `MAX_CLOCK_AHEAD_MS` ahead
 * of `receivedAt`, files the uplink at `receivedAt` (the skew is returned only in the second case, as there is
 * none to measure in the first); any other `ts`, however far behind, is trusted because devices send what they
 * buffered while offline.
 *
 * @throws TypeError when `deviceType` is not a protocol v1 type: that is a registry fault, not the device's.
 */
export function validateUplink(
  decoded: DecodedUplink,
  deviceType: DeviceType,
  receivedAt: number,
): AcceptedUplink | Refusal {
  if (!isDeviceType(deviceType))
    throw new TypeError(`not a protocol v1 device type: ${quoteUntrusted(String(deviceType))}`);
  const ref = msgIdSchema.safeParse(decoded.msgId).success ? decoded.msgId : undefined;
  const kind: string = decoded.kind;

  if (!isUplinkKind(kind))
    return refusal('unknown-kind', `kind ${quoteUntrusted(kind)} is not a protocol v1 kind`, ref);
  if (!isKindAllowed(deviceType, kind)) {
    const allowed = KINDS_BY_DEVICE_TYPE[deviceType].join(', ');
    return refusal('kind-not-allowed', `kind "${kind}" is not sent by a ${deviceType}, which sends ${allowed}`, ref);
  }

  // Envelope last, so the fields cannot override it; spreading defines own properties, so it cannot pollute either.
  const input = {
    ...decoded.fields,
    msgId: decoded.msgId,
    kind,
    ...(decoded.ts === undefined ? {} : { ts: decoded.ts }),
  };
  const parsed = uplinkKindSchema(deviceType, kind).safeParse(input);
  if (!parsed.success) {
    const envelopeFault = parsed.error.issues.some(
      (issue) => issue.path.length > 0 && envelopeFields.has(issue.path[0]),
    );
    return refusal(
      envelopeFault ? 'invalid-envelope' : 'invalid-fields',
      describeIssues(parsed.error.issues, input),
      ref,
    );
  }

  const uplink = parsed.data;
  if (uplink.ts === undefined) return { ok: true, uplink, occurredAt: receivedAt };
  const ahead = uplink.ts - receivedAt;
  if (ahead > MAX_CLOCK_AHEAD_MS) return { ok: true, uplink, occurredAt: receivedAt, clockSkewMs: ahead };
  return { ok: true, uplink, occurredAt: uplink.ts };
}
