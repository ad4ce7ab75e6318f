/**
 * What the gateway saw of the broker's dropped messages, kept in Redis for whoever reports health: the broker says
 * it only on `$SYS` topics, which only the gateway's service account reads.
 * STORED OUTSIDE THE CODE: a Redis hash under `brokerDropsKey(prefix)`; its fields are read by older processes too.
 */
export interface BrokerDropsRecord {
  /** The broker's own total since it started, as last published. */
  brokerTotal: number;
  /** When the total last grew (epoch ms). */
  lastDropAt: number;
  /** By how much it grew then. */
  lastDropCount: number;
}

export function brokerDropsKey(queuePrefix: string): string {
  return `${queuePrefix}:broker-drops`;
}

/** The record from the hash's fields, or undefined when nothing was ever dropped (or the fields are not numbers). */
export function readBrokerDropsRecord(fields: Record<string, string>): BrokerDropsRecord | undefined {
  const record = {
    brokerTotal: Number(fields.brokerTotal),
    lastDropAt: Number(fields.lastDropAt),
    lastDropCount: Number(fields.lastDropCount),
  };
  return Object.values(record).every((value) => Number.isFinite(value) && value >= 0) ? record : undefined;
}
