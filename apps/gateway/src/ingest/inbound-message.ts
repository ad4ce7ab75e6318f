import {
  decodeAlarm,
  decodeStatus,
  decodeUplink,
  isAlarmKind,
  parseDeviceTopic,
  refusal,
  type DecodedUplink,
  type Refusal,
} from '@eldercare/protocol';

/**
 * What a gateway learns of a message the moment it arrives, before it knows the device. An uplink is one whichever
 * topic it came on, `up` or `alarm`; only what the topic lets through differs.
 */
export type InboundDecoding =
  | { channel: 'up'; deviceId: string; uplink: DecodedUplink | Refusal }
  | { channel: 'status'; deviceId: string; online: boolean | Refusal }
  | { channel: 'invalid'; refusal: Refusal };

/** The gateway's two ways to the store: alarms never wait for a batch of readings, nor for its window. */
export type IngestLane = 'alarms' | 'readings';

export interface InboundMessage {
  topic: string;
  payload: Buffer;
  receivedAt: Date;
  decoding: InboundDecoding;
  /**
   * Alarms (`sos`, `fall`, `cancel`) take the alarm lane on whichever topic they arrive, and so does everything on
   * the `alarm` topic, refusals included, so that an alarm connection never waits for a batch of readings.
   */
  lane: IngestLane;
  /** Refused without a `rejected` downlink (a device over its rate limit hears it once per run, not per message). */
  unanswered?: boolean;
}

/** Decodes topic and payload once, on arrival; topic and kind decide the message's lane. */
export function decodeInbound(topic: string, payload: Buffer, receivedAt: Date): InboundMessage {
  const parsed = parseDeviceTopic(topic);
  let decoding: InboundDecoding;
  if (parsed?.channel === 'up') {
    decoding = { channel: 'up', deviceId: parsed.deviceId, uplink: decodeUplink(payload) };
  } else if (parsed?.channel === 'alarm') {
    decoding = { channel: 'up', deviceId: parsed.deviceId, uplink: decodeAlarm(payload) };
  } else if (parsed?.channel === 'status') {
    const status = decodeStatus(payload);
    decoding = { channel: 'status', deviceId: parsed.deviceId, online: status.ok ? status.online : status };
  } else {
    decoding = {
      channel: 'invalid',
      refusal: refusal('invalid-topic', 'not an uplink, alarm or status topic of protocol v1'),
    };
  }
  const alarm =
    parsed?.channel === 'alarm' ||
    (decoding.channel === 'up' && decoding.uplink.ok && isAlarmKind(decoding.uplink.kind));
  return { topic, payload, receivedAt, decoding, lane: alarm ? 'alarms' : 'readings' };
}
