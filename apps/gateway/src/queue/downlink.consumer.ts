import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JobName, QueueName } from '@eldercare/contracts';
import { consume, type JobConsumer } from '@eldercare/job-bus';
import { deviceTopic, encodeDownlink } from '@eldercare/protocol';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options';
import { MqttConnections } from '../mqtt/mqtt-connections';

/** Publishes the downlinks other processes queue (an operator's `help-coming`, a case's `resolved`). */
@Injectable()
export class DownlinkConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DownlinkConsumer.name);
  private consumer: JobConsumer | undefined;

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    private readonly connections: MqttConnections,
  ) {}

  onApplicationBootstrap(): void {
    this.consumer = consume(
      QueueName.DeviceDownlinks,
      {
        [JobName.SendDownlink]: async ({ deviceId, downlink }) =>
          this.connections.publish(deviceTopic(deviceId, 'down'), encodeDownlink(downlink)),
      },
      this.options,
      { logger: this.logger },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.close();
  }
}
