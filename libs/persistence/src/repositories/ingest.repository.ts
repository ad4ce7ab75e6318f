import type { DataSource } from 'typeorm';

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

/**
 * Liveness of a device as seen in one batch; `online`/`battery` only when the batch said so. `online` is stored only
 * if `lastSeenAt` is no older than what is stored: a status the broker replays may come after newer news.
 */
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
 * Writes one gateway batch in one statement (so one round trip and its own transaction): the messages, the
 * refusals and the devices' liveness, each a multi-row insert or update through `unnest`, whatever the batch's size.
 * Messages must be unique per (deviceId, msgId) within the batch.
 */
export class IngestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async store(batch: IngestBatch): Promise<StoredMessage[]> {
    const { messages, rejections } = batch;
    // Sorted, and locked in that order before the update, so that concurrent batches from several gateways lock
    // device rows in the same order (no deadlock).
    const activity = [...batch.activity].sort((a, b) =>
      a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0,
    );
    // DO UPDATE (not DO NOTHING) so that rows already stored come back too: their events may not have been
    // queued before a crash, and queueing them again under the same job id is what makes the hand-off exactly once.
    const rows: { id: string; device_id: string; msg_id: string; stored_at: Date; inserted: boolean }[] =
      await this.dataSource.query(
        `WITH stored AS (
           INSERT INTO device_messages (device_id, msg_id, kind, body, occurred_at, received_at, clock_skew_ms)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::timestamptz[], $7::bigint[])
           ON CONFLICT (device_id, msg_id) DO UPDATE SET msg_id = EXCLUDED.msg_id
           RETURNING id, device_id, msg_id, stored_at, (xmax = 0) AS inserted
         ), refused AS (
           INSERT INTO rejected_messages (device_id, topic, code, detail, payload_head, payload_bytes, received_at)
           SELECT * FROM unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::bytea[], $13::integer[], $14::timestamptz[])
         ), locked AS (
           SELECT id FROM devices WHERE id = ANY($15::text[]) ORDER BY id FOR NO KEY UPDATE
         ), seen AS (
           UPDATE devices d SET
             last_seen_at = GREATEST(d.last_seen_at, a.last_seen_at),
             online = CASE WHEN a.last_seen_at >= d.last_seen_at OR d.last_seen_at IS NULL
                           THEN COALESCE(a.online, d.online) ELSE d.online END,
             battery = COALESCE(a.battery, d.battery)
           FROM unnest($15::text[], $16::timestamptz[], $17::boolean[], $18::smallint[]) AS a(device_id, last_seen_at, online, battery)
           JOIN locked l ON l.id = a.device_id
           WHERE d.id = a.device_id
         )
         SELECT * FROM stored`,
        [
          messages.map((m) => m.deviceId),
          messages.map((m) => m.msgId),
          messages.map((m) => m.kind),
          messages.map((m) => JSON.stringify(m.body)),
          messages.map((m) => m.occurredAt),
          messages.map((m) => m.receivedAt),
          messages.map((m) => m.clockSkewMs ?? null),
          rejections.map((r) => r.deviceId),
          rejections.map((r) => storable(r.topic)),
          rejections.map((r) => r.code),
          rejections.map((r) => storable(r.detail)),
          rejections.map((r) => r.payload.subarray(0, PAYLOAD_HEAD_BYTES)),
          rejections.map((r) => r.payload.length),
          rejections.map((r) => r.receivedAt),
          activity.map((a) => a.deviceId),
          activity.map((a) => a.lastSeenAt),
          activity.map((a) => a.online ?? null),
          activity.map((a) => a.battery ?? null),
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
}
