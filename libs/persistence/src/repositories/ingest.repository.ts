import type { DataSource, EntityManager } from 'typeorm';

export interface MessageToStore {
  deviceId: string;
  msgId: string;
  kind: string;
  body: object;
  occurredAt: Date;
  receivedAt: Date;
  clockSkewMs?: number;
}

export interface StoredMessage {
  id: string;
  deviceId: string;
  msgId: string;
  storedAt: Date;
  /** False when the row was already there: a retransmission or a redelivery after a crash. */
  inserted: boolean;
}

export interface RejectionToStore {
  deviceId: string | null;
  topic: string;
  code: string;
  detail: string;
  payload: Buffer;
  receivedAt: Date;
}

/** Liveness of a device as seen in one batch; `online`/`battery` only when the batch said so. */
export interface DeviceActivity {
  deviceId: string;
  lastSeenAt: Date;
  online?: boolean;
  battery?: number;
}

export interface IngestBatch {
  messages: MessageToStore[];
  rejections: RejectionToStore[];
  activity: DeviceActivity[];
}

const PAYLOAD_HEAD_BYTES = 256;

/** Text columns cannot hold U+0000; topics and details come from devices, so strip it. */
const storable = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/**
 * Writes one gateway batch in one transaction: multi-row inserts through `unnest`, so a batch costs three
 * statements whatever its size. Messages must be unique per (deviceId, msgId) within the batch.
 */
export class IngestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async store(batch: IngestBatch): Promise<StoredMessage[]> {
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.insertMessages(manager, batch.messages);
      await this.insertRejections(manager, batch.rejections);
      await this.recordActivity(manager, batch.activity);
      return stored;
    });
  }

  private async insertMessages(manager: EntityManager, messages: MessageToStore[]): Promise<StoredMessage[]> {
    if (messages.length === 0) return [];
    // DO UPDATE (not DO NOTHING) so that rows already stored come back too: their events may not have been
    // queued before a crash, and queueing them again under the same job id is what makes the hand-off exactly once.
    const rows: { id: string; device_id: string; msg_id: string; stored_at: Date; inserted: boolean }[] =
      await manager.query(
        `INSERT INTO device_messages (device_id, msg_id, kind, body, occurred_at, received_at, clock_skew_ms)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::timestamptz[], $7::bigint[])
       ON CONFLICT (device_id, msg_id) DO UPDATE SET msg_id = EXCLUDED.msg_id
       RETURNING id, device_id, msg_id, stored_at, (xmax = 0) AS inserted`,
        [
          messages.map((m) => m.deviceId),
          messages.map((m) => m.msgId),
          messages.map((m) => m.kind),
          messages.map((m) => JSON.stringify(m.body)),
          messages.map((m) => m.occurredAt),
          messages.map((m) => m.receivedAt),
          messages.map((m) => m.clockSkewMs ?? null),
        ],
      );
    return rows.map((row) => ({
      id: String(row.id),
      deviceId: row.device_id,
      msgId: row.msg_id,
      storedAt: row.stored_at,
      inserted: row.inserted,
    }));
  }

  private async insertRejections(manager: EntityManager, rejections: RejectionToStore[]): Promise<void> {
    if (rejections.length === 0) return;
    await manager.query(
      `INSERT INTO rejected_messages (device_id, topic, code, detail, payload_head, payload_bytes, received_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::integer[], $7::timestamptz[])`,
      [
        rejections.map((r) => r.deviceId),
        rejections.map((r) => storable(r.topic)),
        rejections.map((r) => r.code),
        rejections.map((r) => storable(r.detail)),
        rejections.map((r) => r.payload.subarray(0, PAYLOAD_HEAD_BYTES)),
        rejections.map((r) => r.payload.length),
        rejections.map((r) => r.receivedAt),
      ],
    );
  }

  private async recordActivity(manager: EntityManager, activity: DeviceActivity[]): Promise<void> {
    if (activity.length === 0) return;
    // Sorted so that concurrent batches from several gateways lock device rows in the same order (no deadlock).
    const sorted = [...activity].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
    await manager.query(
      `UPDATE devices d SET
         last_seen_at = GREATEST(d.last_seen_at, a.last_seen_at),
         online = COALESCE(a.online, d.online),
         battery = COALESCE(a.battery, d.battery)
       FROM unnest($1::text[], $2::timestamptz[], $3::boolean[], $4::smallint[]) AS a(device_id, last_seen_at, online, battery)
       WHERE d.id = a.device_id`,
      [
        sorted.map((a) => a.deviceId),
        sorted.map((a) => a.lastSeenAt),
        sorted.map((a) => a.online ?? null),
        sorted.map((a) => a.battery ?? null),
      ],
    );
  }
}
