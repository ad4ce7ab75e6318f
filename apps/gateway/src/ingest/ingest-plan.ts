import type { IngestDevice, DeviceActivity, MessageToStore, RejectionToStore } from '@eldercare/persistence';
import { isAcknowledgedKind, refusal, validateUplink, type Refusal, type Uplink } from '@eldercare/protocol';
import type { InboundMessage } from './inbound-message';

export interface AcceptedMessage extends MessageToStore {
  device: IngestDevice;
  uplink: Uplink;
}

/** A refusal to answer with a `rejected` downlink: only where the device is registered. */
export interface RejectionNotice {
  deviceId: string;
  refusal: Refusal;
}

/** Everything one batch will write and say, decided without I/O. */
export interface IngestPlan {
  /** Unique per (deviceId, msgId): a retransmission inside the batch is folded into the first copy. */
  accepted: AcceptedMessage[];
  /** Every accepted `sos`/`fall` copy, retransmissions included: the device resends until it hears `received`. */
  urgent: { deviceId: string; msgId: string }[];
  rejections: RejectionToStore[];
  notices: RejectionNotice[];
  activity: DeviceActivity[];
  /** Online/offline as the devices announced it (offline is also the last will), for the rules. */
  statusChanges: { device: IngestDevice; online: boolean; receivedAt: Date }[];
  duplicatesInBatch: number;
}

const messageKey = (deviceId: string, msgId: string) => `${deviceId}\u0000${msgId}`;

/**
 * Decides, for a batch of decoded messages and the registry rows of their devices, what is stored, what is refused
 * and how each device's liveness changes.
 */
export function planIngest(batch: InboundMessage[], devices: ReadonlyMap<string, IngestDevice>): IngestPlan {
  const plan: IngestPlan = {
    accepted: [],
    urgent: [],
    rejections: [],
    notices: [],
    activity: [],
    statusChanges: [],
    duplicatesInBatch: 0,
  };
  const seen = new Set<string>();
  const activity = new Map<string, DeviceActivity>();

  const refuse = (message: InboundMessage, deviceId: string | null, why: Refusal, known: boolean) => {
    plan.rejections.push({
      deviceId,
      topic: message.topic,
      code: why.code,
      detail: why.detail,
      payload: message.payload,
      receivedAt: message.receivedAt,
    });
    if (known && deviceId && !message.unanswered) plan.notices.push({ deviceId, refusal: why });
  };
  /** Answers whether `at` is the latest news of the device in the batch, whose `change` then holds. */
  const touch = (deviceId: string, at: Date, change: Pick<DeviceActivity, 'online' | 'battery'>): boolean => {
    const current = activity.get(deviceId);
    // A status the broker replays is as old as the subscription it came with, and may arrive after newer messages.
    if (current && at < current.lastSeenAt) return false;
    activity.set(deviceId, { ...current, deviceId, lastSeenAt: at, ...change });
    return true;
  };

  for (const message of batch) {
    const { decoding } = message;
    if (decoding.channel === 'invalid') {
      refuse(message, null, decoding.refusal, false);
      continue;
    }
    const device = devices.get(decoding.deviceId);
    if (!device || device.status !== 'active') {
      const why = device
        ? refusal('device-retired', 'the device was retired')
        : refusal('unknown-device', 'no registered device has this id');
      refuse(message, decoding.deviceId, why, false);
      continue;
    }
    if (decoding.channel === 'status') {
      if (typeof decoding.online === 'boolean') {
        if (touch(device.id, message.receivedAt, { online: decoding.online }))
          plan.statusChanges.push({ device, online: decoding.online, receivedAt: message.receivedAt });
      } else {
        refuse(message, device.id, decoding.online, true);
      }
      continue;
    }
    if (!decoding.uplink.ok) {
      refuse(message, device.id, decoding.uplink, true);
      continue;
    }
    const validated = validateUplink(decoding.uplink, device.type, message.receivedAt.getTime());
    if (!validated.ok) {
      refuse(message, device.id, validated, true);
      continue;
    }
    const { uplink } = validated;
    touch(
      device.id,
      message.receivedAt,
      uplink.kind === 'heartbeat' ? { online: true, battery: uplink.battery } : { online: true },
    );
    if (isAcknowledgedKind(uplink.kind)) plan.urgent.push({ deviceId: device.id, msgId: uplink.msgId });
    const key = messageKey(device.id, uplink.msgId);
    if (seen.has(key)) {
      plan.duplicatesInBatch++;
      continue;
    }
    seen.add(key);
    plan.accepted.push({
      device,
      uplink,
      deviceId: device.id,
      msgId: uplink.msgId,
      kind: uplink.kind,
      body: uplink,
      occurredAt: new Date(validated.occurredAt),
      receivedAt: message.receivedAt,
      clockSkewMs: validated.clockSkewMs,
    });
  }
  plan.activity = [...activity.values()];
  return plan;
}
