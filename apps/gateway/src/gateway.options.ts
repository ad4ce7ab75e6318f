import type { DeviceRateLimit } from './ingest/device-rate-limiter';

/** Everything the gateway needs, resolved by whoever starts it (its own main or the all-in-one process). */
export interface GatewayOptions {
  mqtt: {
    url: string;
    username: string;
    password?: string;
    /** Fixed per instance: the broker keeps each connection's persistent session under `${clientIdBase}-${n}`. */
    clientIdBase: string;
    /** Parallel connections for `up` and `status`; each holds one unacknowledged message at a time, so this bounds a batch. */
    connections: number;
    /**
     * Connections subscribed to `alarm` only, under `${clientIdBase}-alarm-${n}`: the broker queues each connection's
     * messages apart, so alarms on them never wait behind readings. One without shared subscriptions.
     */
    alarmConnections: number;
    /** `$share/gateway/...` so several gateways split the load; off for a broker without shared subscriptions. */
    sharedSubscription: boolean;
  };
  /** A batch is stored when every connection has handed in a message, or `windowMs` after its first one. */
  batch: { windowMs: number };
  /** What one device may send before the excess is refused as `rate-limited`; alarms are never limited. */
  deviceLimit: DeviceRateLimit;
  /** Delay of the `device-events` jobs of readings (alarms go on `device-alarms` at once): see RULES_REORDER_WINDOW_MS. */
  reorderWindowMs: number;
  /** BullMQ's Redis; `url` as in REDIS_URL. */
  redis: { url: string };
  queuePrefix: string;
}

export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');
