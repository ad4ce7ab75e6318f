import { Injectable } from '@nestjs/common';
import type { DeviceEventJob } from '@eldercare/contracts';
import { DeviceRepository, IngestRepository, type StoredMessage } from '@eldercare/persistence';
import { DownlinkPublisher } from '../mqtt/downlink.publisher';
import { DeviceEventProducer } from '../queue/device-event.producer';
import { GatewayMetrics } from './gateway-metrics';
import type { InboundMessage } from './inbound-message';
import { planIngest, type AcceptedMessage } from './ingest-plan';

/**
 * Stores one batch and hands it on: registry lookup, validation, one transaction, one queue round trip, then
 * downlinks. When this resolves the batch is durable and queued, and its messages may be acknowledged.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly devices: DeviceRepository,
    private readonly ingest: IngestRepository,
    private readonly events: DeviceEventProducer,
    private readonly downlinks: DownlinkPublisher,
    private readonly metrics: GatewayMetrics,
  ) {}

  async storeBatch(batch: InboundMessage[]): Promise<void> {
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
