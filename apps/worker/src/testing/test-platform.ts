import { ApiModule, registryOnlyProvisioning } from '@eldercare/api';
import { GatewayModule, type GatewayOptions } from '@eldercare/gateway';
import { PersistenceModule } from '@eldercare/persistence';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../worker.module';

/** Gateway, worker and api services in this process on one database, as the all-in-one process runs them. */
export async function startGatewayAndWorker(databaseUrl: string, gateway: GatewayOptions): Promise<INestApplicationContext> {
  @Module({
    imports: [
      PersistenceModule.forRoot({ url: databaseUrl, poolSize: 6 }),
      GatewayModule.forRoot(gateway),
      WorkerModule.forRoot({ redis: gateway.redis, queuePrefix: gateway.queuePrefix, concurrency: 4, lockMs: 30_000 }),
      ApiModule.forRoot({ redis: gateway.redis, queuePrefix: gateway.queuePrefix, provisioning: registryOnlyProvisioning }),
    ],
  })
  class TestPlatformModule {}
  const app = await NestFactory.createApplicationContext(TestPlatformModule, { logger: ['error', 'warn'] });
  await app.init();
  return app;
}
