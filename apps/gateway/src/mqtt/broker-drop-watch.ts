import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BROKER_DROPPED_TOPIC, BROKER_STORED_TOPIC } from '@eldercare/broker';
import { brokerDropsKey, type BrokerDropsRecord } from '@eldercare/contracts';
import { platformMetrics } from '@eldercare/metrics';
import { Redis } from 'ioredis';
import mqtt, { type MqttClient } from 'mqtt';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options';

/**
 * Reads the broker's dropped-message and stored-message totals from its `$SYS` topics into the metrics, and logs an
 * error and a record in Redis (`BrokerDropsRecord`, which the api's health check reports) whenever the dropped total
 * grows. The broker acknowledges a device on receipt and then only buffers for the
 * gateway, so a message it drops (a session's queue full during an outage or a burst) is lost for good, and nothing
 * else would say so. It runs in the gateway because the gateway holds the service account and the broker
 * connections; on its own clean connection, so these counters never wait behind readings. A broker without these
 * topics (the embedded one) simply never answers.
 */
@Injectable()
export class BrokerDropWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BrokerDropWatch.name);
  private client: MqttClient | undefined;
  private redis: Redis | undefined;
  /** The last record being written, awaited at shutdown so that a drop seen just before is not left unrecorded. */
  private recording: Promise<unknown> = Promise.resolve();
  /** The broker's total when last seen; a restarted broker starts again from 0. */
  private dropped: number | undefined;

  constructor(@Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions) {}

  async onApplicationBootstrap(): Promise<void> {
    this.redis = new Redis(this.options.redis.url, { maxRetriesPerRequest: 2, lazyConnect: true });
    const { url, username, password, clientIdBase } = this.options.mqtt;
    this.client = await mqtt.connectAsync(url, {
      clientId: `${clientIdBase}-broker-stats`,
      username,
      password,
      clean: true,
      protocolVersion: 4,
      reconnectPeriod: 1000,
    });
    this.client.on('message', (topic, payload) => this.record(topic, Number(payload.toString())));
    this.client.on('connect', () => this.subscribe());
    this.client.on('error', (error) => this.logger.error(`broker statistics connection: ${error.message}`));
    await this.subscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.endAsync(true);
    await this.recording;
    this.redis?.disconnect();
  }

  private async subscribe(): Promise<void> {
    await this.client?.subscribeAsync([BROKER_DROPPED_TOPIC, BROKER_STORED_TOPIC], { qos: 0 }).catch((error: Error) => {
      this.logger.error(`cannot read the broker's statistics: ${error.message}`);
    });
  }

  private record(topic: string, value: number): void {
    if (!Number.isFinite(value)) return;
    if (topic === BROKER_STORED_TOPIC) platformMetrics.brokerMessagesStored.set(value);
    if (topic !== BROKER_DROPPED_TOPIC) return;
    platformMetrics.brokerMessagesDropped.set(value);
    const grown = value - (this.dropped !== undefined && value >= this.dropped ? this.dropped : 0);
    this.dropped = value;
    if (grown <= 0) return;
    this.logger.error(
      `the broker dropped ${grown} message(s) (${value} since it started): devices were told they were delivered, ` +
        'and they are lost; the per-session queue (max_queued_messages) overflowed or the broker refused them',
    );
    this.remember({ brokerTotal: value, lastDropAt: Date.now(), lastDropCount: grown });
  }

  private remember(record: BrokerDropsRecord): void {
    if (!this.redis) return;
    this.recording = this.redis
      .hset(brokerDropsKey(this.options.queuePrefix), record)
      .catch((error: Error) =>
        this.logger.error(`cannot record the broker's drops for the health check: ${error.message}`),
      );
  }
}
