import { Injectable, Logger } from '@nestjs/common';
import type { DeviceEventJob } from '@eldercare/contracts';
import {
  DeviceRepository,
  IngestRepository,
  isDataRefusal,
  sqlStateOf,
  type StoredMessage,
} from '@eldercare/persistence';
import { refusal } from '@eldercare/protocol';
import { DownlinkPublisher } from '../mqtt/downlink.publisher';
import { DeviceEventProducer } from '../queue/device-event.producer';
import { GatewayMetrics } from './gateway-metrics';
import type { InboundMessage } from './inbound-message';
import { planIngest, type AcceptedMessage } from './ingest-plan';

/**
 * Stores one batch and hands it on: registry lookup, validation, one transaction, one queue round trip, then
 * downlinks. When this resolves the batch is durable and queued, and its messages may be acknowledged.
 *
 * A batch the database refuses for its data (a value it cannot hold) would be refused on every retry and block every
 * message behind it: it is stored again message by message, and the one the database still refuses is recorded as
 * `not-stored` instead. Any other failure (connection, deadlock, Redis) rejects, and the batcher retries the batch.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(
    private readonly devices: DeviceRepository,
    private readonly ingest: IngestRepository,
    private readonly events: DeviceEventProducer,
    private readonly downlinks: DownlinkPublisher,
    private readonly metrics: GatewayMetrics,
  ) {}

  async storeBatch(batch: InboundMessage[]): Promise<void> {
    try {
      await this.storeTogether(batch);
    } catch (error) {
      if (!isDataRefusal(error)) throw error;
      if (batch.length === 1) return this.refuseUnstorable(batch[0], error);
      this.logger.warn(
        `batch of ${batch.length} refused by the database (SQLSTATE ${sqlStateOf(error)}): storing its messages one by one`,
      );
      for (const message of batch) await this.storeBatch([message]);
    }
  }

  private async storeTogether(batch: InboundMessage[]): Promise<void> {
    const deviceIds = new Set<string>();
    for (const { decoding } of batch) if (decoding.channel !== 'invalid') deviceIds.add(decoding.deviceId);
    const plan = planIngest(batch, await this.devices.findForIngest([...deviceIds]));

    const stored = await this.ingest.store({
      messages: plan.accepted,
      rejections: plan.rejections,
      activity: plan.activity,
    });
    const statuses = plan.statusChanges.map(({ device, online, receivedAt }) => ({
      deviceId: device.id,
      elderId: device.elderId,
      online,
      receivedAt: receivedAt.toISOString(),
    }));
    await this.events.enqueue(toJobs(plan.accepted, stored), statuses);

    const redelivered = stored.filter((row) => !row.inserted).length;
    this.metrics.recordBatch(
      batch.length,
      stored.length - redelivered,
      plan.duplicatesInBatch + redelivered,
      plan.rejections.map((r) => r.code),
    );
    for (const { deviceId, msgId } of plan.urgent) this.downlinks.received(deviceId, msgId);
    for (const { deviceId, refusal } of plan.notices) this.downlinks.rejected(deviceId, refusal);
  }

  /** Records why one message could not be stored, and tells its device when it is registered. */
  private async refuseUnstorable(message: InboundMessage, error: unknown): Promise<void> {
    const { decoding } = message;
    const deviceId = decoding.channel === 'invalid' ? null : decoding.deviceId;
    const ref =
      decoding.channel === 'up' ? (decoding.uplink.ok ? decoding.uplink.msgId : decoding.uplink.ref) : undefined;
    const why = refusal('not-stored', `the platform could not store a value (SQLSTATE ${sqlStateOf(error)})`, ref);
    this.logger.error(
      `message from ${deviceId ?? 'an unknown sender'} on ${message.topic} not stored: ${(error as Error).message}`,
    );
    const { topic, payload, receivedAt } = message;
    const rejection = { deviceId, topic, code: why.code, detail: why.detail, payload, receivedAt };
    try {
      await this.ingest.store({ messages: [], rejections: [rejection], activity: [] });
    } catch (recordError) {
      if (!isDataRefusal(recordError)) throw recordError;
      // Not even its refusal can be stored: dropped loudly rather than holding back every message behind it.
      this.logger.error(`refusal of a message on ${message.topic} not recorded: ${(recordError as Error).message}`);
    }
    this.metrics.recordBatch(1, 0, 0, [why.code]);
    const device = deviceId ? (await this.devices.findForIngest([deviceId])).get(deviceId) : undefined;
    if (device?.status === 'active') this.downlinks.rejected(device.id, why);
  }
}

function toJobs(accepted: AcceptedMessage[], stored: StoredMessage[]): DeviceEventJob[] {
  const rows = new Map(stored.map((row) => [`${row.deviceId}\u0000${row.msgId}`, row]));
  return accepted.map((message) => {
    const row = rows.get(`${message.deviceId}\u0000${message.msgId}`);
    if (!row) throw new Error(`stored batch lacks ${message.deviceId}/${message.msgId}`);
    return {
      eventId: row.id,
      deviceId: message.deviceId,
      deviceType: message.device.type,
      elderId: message.device.elderId,
      uplink: message.uplink,
      occurredAt: message.occurredAt.toISOString(),
      receivedAt: message.receivedAt.toISOString(),
      storedAt: row.storedAt.toISOString(),
    };
  });
}
