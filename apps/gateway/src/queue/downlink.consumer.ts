import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { QueueName, type SendDownlinkJob } from '@eldercare/contracts';
import { deviceTopic, encodeDownlink } from '@eldercare/protocol';
import { Worker } from 'bullmq';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options';
import { MqttConnections } from '../mqtt/mqtt-connections';

/** Publishes the downlinks other processes queue (an operator's `help-coming`, a case's `resolved`). */
@Injectable()
export class DownlinkConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DownlinkConsumer.name);
  private worker: Worker<SendDownlinkJob> | undefined;

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    private readonly connections: MqttConnections,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<SendDownlinkJob>(
      QueueName.DeviceDownlinks,
      async (job) =>
        this.connections.publish(deviceTopic(job.data.deviceId, 'down'), encodeDownlink(job.data.downlink)),
      { connection: { ...this.options.redis, maxRetriesPerRequest: null }, prefix: this.options.queuePrefix },
    );
    this.worker.on('failed', (job, error) => this.logger.warn(`downlink ${job?.id} not sent: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
