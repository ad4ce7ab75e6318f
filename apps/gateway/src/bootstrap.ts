import 'reflect-metadata';
import { createLogger, loadConfig, NestPinoLogger, requireSetting, type Environment } from '@eldercare/config';
import { MetricsEndpointModule } from '@eldercare/metrics';
import { PersistenceModule } from '@eldercare/persistence';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { gatewayOptionsFrom } from './gateway-options.factory';
import { GatewayModule } from './gateway.module';

/** Starts the gateway on its own, against the broker, Postgres and Redis named in the environment. */
export async function bootstrap(env: Environment = loadConfig()): Promise<INestApplicationContext> {
  const databaseUrl = requireSetting(env, 'DATABASE_URL', 'when the gateway runs on its own (npm start embeds one)');
  const mqttUrl = requireSetting(env, 'MQTT_URL', 'when the gateway runs on its own (npm start embeds a broker)');

  @Module({
    imports: [
      PersistenceModule.forRoot({ url: databaseUrl, applicationName: 'eldercare-gateway' }),
      GatewayModule.forRoot(gatewayOptionsFrom(env, { url: mqttUrl })),
      MetricsEndpointModule.forRoot(env.METRICS_PORT, { token: env.METRICS_TOKEN, open: env.METRICS_OPEN }),
    ],
  })
  class GatewayAppModule {}

  const app = await NestFactory.createApplicationContext(GatewayAppModule, {
    logger: new NestPinoLogger(createLogger(env.LOG_LEVEL, 'gateway')),
  });
  app.enableShutdownHooks();
  return app;
}
