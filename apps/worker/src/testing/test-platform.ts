import { ApiModule, configureApiApp, testApiOptions } from '@eldercare/api';
import { GatewayModule, type GatewayOptions } from '@eldercare/gateway';
import { PersistenceModule } from '@eldercare/persistence';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { WorkerModule } from '../worker.module';

export interface TestPlatform {
  app: NestExpressApplication;
  /** The api's base URL, on a free port of 127.0.0.1. */
  apiUrl: string;
}

/** Gateway, worker and api in this process on one database, as the all-in-one process runs them, serving HTTP. */
export async function startTestPlatform(databaseUrl: string, gateway: GatewayOptions): Promise<TestPlatform> {
  const apiOptions = testApiOptions(gateway.redis.url, gateway.queuePrefix, gateway.mqtt.url);
  @Module({
    imports: [
      PersistenceModule.forRoot({ url: databaseUrl, poolSize: 6 }),
      GatewayModule.forRoot(gateway),
      WorkerModule.forRoot({ redis: gateway.redis, queuePrefix: gateway.queuePrefix, concurrency: 4, lockMs: 30_000 }),
      ApiModule.forRoot(apiOptions),
    ],
  })
  class TestPlatformModule {}
  const app = await NestFactory.create<NestExpressApplication>(TestPlatformModule, { logger: ['error', 'warn'] });
  configureApiApp(app, apiOptions);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, apiUrl: `http://127.0.0.1:${port}` };
}
