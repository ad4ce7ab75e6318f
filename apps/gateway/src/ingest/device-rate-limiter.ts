import { isAlarmKind, refusal } from '@eldercare/protocol';
import type { InboundMessage } from './inbound-message';

/** How much one device may send: `perMinute` on average, `burst` at once (a device catching up after an outage). */
export interface DeviceRateLimit {
  /** 0 turns the limit off. */
  perMinute: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** Set by the first message refused since the device was last within its limit. */
  refusing: boolean;
}

/** `pass`, or refused: the first refusal since the device was last within its limit, or one after it. */
export type RateVerdict = 'pass' | 'first-refusal' | 'refusal';

const MINUTE_MS = 60_000;

/**
 * A token bucket per device: each message takes a token, tokens come back at `perMinute`, at most `burst` are kept.
 * Buckets that have refilled are forgotten once a minute, so memory follows the devices that talk a lot, not the fleet.
 */
export class DeviceRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = 0;

  constructor(readonly limit: DeviceRateLimit) {}

  /** `pass`, taking a token, when the device is within its limit at `now` (epoch ms). */
  take(deviceId: string, now: number): RateVerdict {
    if (this.limit.perMinute === 0) return 'pass';
    this.forgetRefilled(now);
    const bucket = this.buckets.get(deviceId);
    const tokens = this.tokensAt(bucket, now);
    if (tokens >= 1) {
      this.buckets.set(deviceId, { tokens: tokens - 1, at: now, refusing: false });
      return 'pass';
    }
    this.buckets.set(deviceId, { tokens, at: now, refusing: true });
    return bucket?.refusing ? 'refusal' : 'first-refusal';
  }

  private tokensAt(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.limit.burst;
    const refilled = (Math.max(0, now - bucket.at) * this.limit.perMinute) / MINUTE_MS;
    return Math.min(this.limit.burst, bucket.tokens + refilled);
  }

  private forgetRefilled(now: number): void {
    if (now - this.sweptAt < MINUTE_MS) return;
    this.sweptAt = now;
    for (const [deviceId, bucket] of this.buckets)
      if (this.tokensAt(bucket, now) >= this.limit.burst) this.buckets.delete(deviceId);
  }
}

/**
 * Holds a device that floods to its limit: an uplink over it becomes a `rate-limited` refusal, recorded like any
 * other. Only the first refusal of a run is answered with a `rejected` downlink: one per refused message would flood
 * the device's own `down` topic and hold its sos `received` behind them. Alarms (`sos`, `fall`, `cancel`, on either topic) are never limited, nor do they use up the
 * device's tokens; nor is `status`, which the broker also sends as the device's last will.
 */
export function limitDevice(message: InboundMessage, limiter: DeviceRateLimiter): InboundMessage {
  const { decoding } = message;
  if (decoding.channel !== 'up') return message;
  const { uplink } = decoding;
  if (uplink.ok && isAlarmKind(uplink.kind)) return message;
  const verdict = limiter.take(decoding.deviceId, message.receivedAt.getTime());
  if (verdict === 'pass') return message;
  const { perMinute, burst } = limiter.limit;
  const why = refusal(
    'rate-limited',
    `over ${perMinute} messages a minute (bursts of ${burst}); send it again later, sos, fall and cancel always pass`,
    uplink.ok ? uplink.msgId : uplink.ref,
  );
  return { ...message, decoding: { ...decoding, uplink: why }, unanswered: verdict === 'refusal' };
}
