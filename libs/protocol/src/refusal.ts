import { capDetail } from './refusal-detail';

/**
 * Why a payload was refused.
 * STORED OUTSIDE THE CODE: codes are kept in the database and sent to devices in `rejected` downlinks, so they
 * are never renamed or reused for another meaning; new reasons get new codes.
 */
export const REFUSAL_CODES = [
  /** The payload is larger than `MAX_UPLINK_BYTES`. */
  'too-large',
  /** The payload bytes are not valid UTF-8 (a byte-order mark is refused later, as `not-json`). */
  'not-utf8',
  /** The payload is not JSON text. */
  'not-json',
  /** The payload is JSON but not a single object (an array, `null`, a string, a number, a boolean). */
  'not-an-object',
  /** `msgId`, `ts` or `kind` is missing or of the wrong type or range. */
  'invalid-envelope',
  /** `kind` is not a kind of protocol v1 for any device type. */
  'unknown-kind',
  /** `kind` is a protocol v1 kind, but not one the device's type may send. */
  'kind-not-allowed',
  /** A field of the kind is missing, out of range or of the wrong type, or the payload has a field the page does not name. */
  'invalid-fields',
  /** A `status` payload is not exactly `{"online":true}` or `{"online":false}`. */
  'invalid-status',
  /** Set by the gateway: the topic is not a well-formed v1 device topic, or not the publishing device's own. */
  'invalid-topic',
  /** Set by the gateway: no device with the topic's id is registered. */
  'unknown-device',
  /** Set by the gateway: the device was retired and its messages are no longer accepted. */
  'device-retired',
  /** A kind other than `sos`, `fall` or `cancel` on the `alarm` topic (send it on `up`). */
  'not-an-alarm',
  /** Set by the gateway: the message passed every check, but the database refused one of its values. */
  'not-stored',
  /** Set by the gateway: the device sent more than its limit allows; alarms are never refused for this. */
  'rate-limited',
] as const;

/** A stable refusal reason; see `REFUSAL_CODES` for each meaning. */
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** A payload the platform does not accept, with the reason to record and to send back to the device. */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  /** Short printable-ASCII reason naming the field and the rule; quotes at most a few dozen characters of input. */
  detail: string;
  /** The uplink's `msgId`, when a valid one could be read even though something else was wrong. */
  ref?: string;
}

/**
 * Builds a refusal. `detail` is capped here as well, so a refusal made by the gateway from untrusted text stays
 * short and printable too.
 */
export function refusal(code: RefusalCode, detail: string, ref?: string): Refusal {
  return ref === undefined
    ? { ok: false, code, detail: capDetail(detail) }
    : { ok: false, code, detail: capDetail(detail), ref };
}
