import {
  decodeStatus,
  decodeUplink,
  isAlarmKind,
  parseDeviceTopic,
  refusal,
  type DecodedUplink,
  type Refusal,
} from '@eldercare/protocol';

/** What a gateway learns of a message the moment it arrives, before it knows the device. */
export type InboundDecoding =
  | { channel: 'up'; deviceId: string; uplink: DecodedUplink | Refusal }
  | { channel: 'status'; deviceId: string; online: boolean | Refusal }
  | { channel: 'invalid'; refusal: Refusal };

export interface InboundMessage {
  topic: string;
  payload: Buffer;
  receivedAt: Date;
  decoding: InboundDecoding;
}

/** Decodes topic and payload once, on arrival; the kind decides whether the message may wait for a batch. */
export function decodeInbound(topic: string, payload: Buffer, receivedAt: Date): InboundMessage {
  const parsed = parseDeviceTopic(topic);
  let decoding: InboundDecoding;
  if (parsed?.channel === 'up') {
    decoding = { channel: 'up', deviceId: parsed.deviceId, uplink: decodeUplink(payload) };
  } else if (parsed?.channel === 'status') {
    const status = decodeStatus(payload);
    decoding = { channel: 'status', deviceId: parsed.deviceId, online: status.ok ? status.online : status };
  } else {
    decoding = {
      channel: 'invalid',
      refusal: refusal('invalid-topic', 'not an uplink or status topic of protocol v1'),
    };
  }
  return { topic, payload, receivedAt, decoding };
}

/** The gateway's two ways to the store: alarms never wait for a batch of readings, nor for its window. */
export type IngestLane = 'alarms' | 'readings';

/** Alarms (`sos`, `fall`, `cancel`) take the alarm lane on whichever connection they arrive; everything else, readings. */
export function laneOf(message: InboundMessage): IngestLane {
  const { decoding } = message;
  return decoding.channel === 'up' && decoding.uplink.ok && isAlarmKind(decoding.uplink.kind) ? 'alarms' : 'readings';
}
