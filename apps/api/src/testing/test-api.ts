import { PersistenceModule } from '@eldercare/persistence';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { ApiModule } from '../api.module';
import type { ApiOptions } from '../api.options';
import { configureApiApp } from '../configure-api-app';
import { testApiOptions } from './test-api-options';

/** An api instance on its own, as a second replica behind a load balancer would run, on a free port. */
export async function startTestApi(
  databaseUrl: string,
  redisUrl: string,
  queuePrefix: string,
  brokerUrl: string,
  overrides: Partial<ApiOptions> = {},
): Promise<{ app: NestExpressApplication; apiUrl: string }> {
  const options = testApiOptions(redisUrl, queuePrefix, brokerUrl, overrides);
  @Module({ imports: [PersistenceModule.forRoot({ url: databaseUrl, poolSize: 2 }), ApiModule.forRoot(options)] })
  class TestApiModule {}
  const app = await NestFactory.create<NestExpressApplication>(TestApiModule, { logger: ['error', 'warn'] });
  configureApiApp(app, options);
  await app.listen(0, '127.0.0.1');
  return { app, apiUrl: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}
