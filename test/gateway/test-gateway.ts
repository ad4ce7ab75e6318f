import { GatewayModule, type GatewayOptions } from '@eldercare/gateway';
import { PersistenceModule } from '@eldercare/persistence';
import { testEnvironment } from '@eldercare/testing';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { TestBroker } from '../broker/test-broker';

/** Options for a gateway under test: small batches, a short window, the test's own queue prefix. */
export function testGatewayOptions(
  broker: TestBroker,
  queuePrefix: string,
  clientIdBase = 'gateway-test',
): GatewayOptions {
  return {
    mqtt: {
      url: broker.url,
      username: broker.service.username,
      password: broker.service.password,
      clientIdBase,
      connections: broker.sharedSubscription ? 4 : 1,
      alarmConnections: broker.sharedSubscription ? 2 : 1,
      sharedSubscription: broker.sharedSubscription,
    },
    batch: { windowMs: 5 },
    deviceLimit: { perMinute: 60, burst: 600 },
    reorderWindowMs: 300,
    redis: { url: testEnvironment.redisUrl },
    queuePrefix,
  };
}

/** The gateway in this process, as its own bootstrap would start it. */
export async function startTestGateway(databaseUrl: string, options: GatewayOptions): Promise<INestApplicationContext> {
  @Module({ imports: [PersistenceModule.forRoot({ url: databaseUrl, poolSize: 4 }), GatewayModule.forRoot(options)] })
  class TestGatewayModule {}
  const app = await NestFactory.createApplicationContext(TestGatewayModule, { logger: ['error', 'warn'] });
  await app.init();
  return app;
}
