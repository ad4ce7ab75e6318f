import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options';
import { MqttConnections } from '../mqtt/mqtt-connections';
import { decodeInbound, isUrgent, type InboundMessage } from './inbound-message';
import { IngestService } from './ingest.service';
import { UplinkBatcher } from './uplink-batcher';

/** Wires the broker to the store: decode on arrival, batch, store, and only then acknowledge. */
@Injectable()
export class IngestIntake implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestIntake.name);
  private readonly batcher: UplinkBatcher<InboundMessage>;

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    ingest: IngestService,
    private readonly connections: MqttConnections,
  ) {
    // Each connection holds at most one unacknowledged message, so a batch can never hold more than one per connection.
    this.batcher = new UplinkBatcher((batch) => ingest.storeBatch(batch), {
      maxSize: options.mqtt.connections,
      windowMs: options.batch.windowMs,
      onRetry: (error, attempt) =>
        this.logger.error(`batch not stored (attempt ${attempt}), retrying: ${(error as Error).message}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connections.start((topic, payload) => {
      const message = decodeInbound(topic, payload, new Date());
      return this.batcher.submit(message, isUrgent(message));
    });
    const { connections, sharedSubscription, url } = this.options.mqtt;
    this.logger.log(
      `ingesting from ${new URL(url).host} on ${connections} connection(s), ${sharedSubscription ? 'shared' : 'plain'} subscription`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.batcher.drain();
    this.batcher.stop();
    await this.connections.close();
  }
}
