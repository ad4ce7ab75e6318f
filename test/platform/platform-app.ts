import { configureApiApp } from '@eldercare/api';
import type { GatewayOptions } from '@eldercare/gateway';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { PlatformModule } from '../../apps/platform/src/platform.module';
import { testApiOptions } from '../api/test-api-options';

export interface PlatformApp {
  app: NestExpressApplication;
  /** The api's base URL, on a free port of 127.0.0.1. */
  apiUrl: string;
}

/**
 * Gateway, worker and api in this process on one database, as the all-in-one process runs them, serving HTTP; the
 * worker's alarms beside its readings, or in a thread of their own as `npm start` runs them.
 */
export async function startPlatformApp(
  databaseUrl: string,
  gateway: GatewayOptions,
  alarms: 'inline' | 'thread' = 'inline',
): Promise<PlatformApp> {
  const api = testApiOptions(gateway.redis.url, gateway.queuePrefix, gateway.mqtt.url);
  const module = PlatformModule.forRoot({
    database: { url: databaseUrl, poolSize: 6 },
    gateway,
    worker: {
      redis: gateway.redis,
      queuePrefix: gateway.queuePrefix,
      concurrency: 4,
      alarmConcurrency: 2,
      lockMs: 30_000,
      alarmLane:
        alarms === 'thread'
          ? { runs: 'thread', database: { url: databaseUrl, poolSize: 3 }, logLevel: 'error' }
          : { runs: 'inline' },
    },
    api,
  });
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: ['error', 'warn'] });
  configureApiApp(app, api);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, apiUrl: `http://127.0.0.1:${port}` };
}
