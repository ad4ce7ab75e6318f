import { brokerDropsKey, readBrokerDropsRecord } from '@eldercare/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import { API_REDIS } from '../api-redis';
import { API_OPTIONS, type ApiOptions } from '../api.options';

const DEADLINE_MS = 2000;
/** How long /health stays down after the broker dropped messages: long enough for someone to see it. */
export const RECENT_BROKER_DROP_MS = 15 * 60_000;

/** Each dependency asked a trivial question with a deadline, so a hung one reports down instead of hanging. */
@Injectable()
export class DependencyProbes {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(API_REDIS) private readonly redis: Redis,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  postgres(): Promise<HealthIndicatorResult> {
    return this.probe('postgres', () => this.dataSource.query('SELECT 1'));
  }

  redisServer(): Promise<HealthIndicatorResult> {
    return this.probe('redis', () => this.redis.ping());
  }

  /** The broker accepts TCP connections on its MQTT port: devices can reach it. */
  broker(): Promise<HealthIndicatorResult> {
    const url = new URL(this.options.brokerUrl);
    return this.probe('broker', () => tcpConnect(url.hostname, Number(url.port || 1883)));
  }

  /**
   * The broker dropped nothing lately (as the gateway recorded it from the broker's `$SYS` counters): a dropped
   * message was acknowledged to its device and is lost, so for RECENT_BROKER_DROP_MS after one this reports down.
   */
  brokerDrops(now = Date.now()): Promise<HealthIndicatorResult> {
    return this.probe('brokerDrops', async () => {
      const drops = readBrokerDropsRecord(await this.redis.hgetall(brokerDropsKey(this.options.queuePrefix)));
      if (drops && now - drops.lastDropAt < RECENT_BROKER_DROP_MS)
        throw new Error(
          `the broker dropped ${drops.lastDropCount} message(s) at ${new Date(drops.lastDropAt).toISOString()} ` +
            `(${drops.brokerTotal} since it started): see the gateway's log and max_queued_messages`,
        );
    });
  }

  private async probe(key: string, question: () => Promise<unknown>): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS} ms`)), DEADLINE_MS);
    });
    try {
      await Promise.race([question(), deadline]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}

function tcpConnect(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}
