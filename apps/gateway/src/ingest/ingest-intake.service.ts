import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options';
import { MqttConnections } from '../mqtt/mqtt-connections';
import { DeviceRateLimiter, limitDevice } from './device-rate-limiter';
import { decodeInbound, type IngestLane, type InboundMessage } from './inbound-message';
import { IngestService } from './ingest.service';
import { UplinkBatcher } from './uplink-batcher';

/**
 * Wires the broker to the store: decode on arrival, batch, store, and only then acknowledge. Alarms have a batcher
 * of their own that stores them at once, beside the batch of readings in progress rather than after it.
 */
@Injectable()
export class IngestIntake implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestIntake.name);
  private readonly lanes: Record<IngestLane, UplinkBatcher<InboundMessage>>;
  private readonly limiter: DeviceRateLimiter;

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    ingest: IngestService,
    private readonly connections: MqttConnections,
  ) {
    const store = (batch: InboundMessage[]) => ingest.storeBatch(batch);
    const onRetry = (error: unknown, attempt: number) =>
      this.logger.error(`batch not stored (attempt ${attempt}), retrying: ${(error as Error).message}`);
    // Each connection holds at most one unacknowledged message, so a batch can never hold more than one per
    // connection; alarms come from the alarm connections and, sent on `up`, from the reading ones.
    const { mqtt, batch, deviceLimit } = options;
    this.limiter = new DeviceRateLimiter(deviceLimit);
    this.lanes = {
      readings: new UplinkBatcher(store, { maxSize: mqtt.connections, windowMs: batch.windowMs, onRetry }),
      alarms: new UplinkBatcher(store, { maxSize: mqtt.connections + mqtt.alarmConnections, windowMs: 0, onRetry }),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connections.start((topic, payload, receivedAt) => {
      const message = limitDevice(decodeInbound(topic, payload, receivedAt), this.limiter);
      return this.lanes[message.lane].submit(message);
    });
    const { connections, alarmConnections, sharedSubscription, url } = this.options.mqtt;
    this.logger.log(
      `ingesting from ${new URL(url).host} on ${connections} connection(s) and ${alarmConnections} for alarms, ${sharedSubscription ? 'shared' : 'plain'} subscription`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.lanes.alarms.drain(), this.lanes.readings.drain()]);
    this.lanes.alarms.stop();
    this.lanes.readings.stop();
    await this.connections.close();
  }
}
