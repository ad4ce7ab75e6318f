import 'reflect-metadata';
import {
  createLogger,
  DEFAULT_REDIS_URL,
  loadConfig,
  NestPinoLogger,
  requireSetting,
  type Environment,
} from '@eldercare/config';
import { MetricsEndpointModule } from '@eldercare/metrics';
import { PersistenceModule } from '@eldercare/persistence';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';
import type { WorkerOptions } from './worker.options';

export function workerOptionsFrom(env: Environment): WorkerOptions {
  return {
    redis: { url: env.REDIS_URL ?? DEFAULT_REDIS_URL },
    queuePrefix: env.QUEUE_PREFIX,
    concurrency: env.WORKER_CONCURRENCY,
    alarmConcurrency: env.WORKER_ALARM_CONCURRENCY,
    lockMs: env.WORKER_LOCK_MS,
    abandonVolunteerRequestsAfterHours: env.TIME_BANK_ABANDON_AFTER_HOURS,
  };
}

/** Starts the worker on its own. */
export async function bootstrap(env: Environment = loadConfig()): Promise<INestApplicationContext> {
  const databaseUrl = requireSetting(env, 'DATABASE_URL', 'when the worker runs on its own (npm start embeds one)');

  @Module({
    imports: [
      PersistenceModule.forRoot({ url: databaseUrl, applicationName: 'eldercare-worker' }),
      WorkerModule.forRoot(workerOptionsFrom(env)),
      MetricsEndpointModule.forRoot(env.METRICS_PORT, { token: env.METRICS_TOKEN, open: env.METRICS_OPEN }),
    ],
  })
  class WorkerAppModule {}

  const app = await NestFactory.createApplicationContext(WorkerAppModule, {
    logger: new NestPinoLogger(createLogger(env.LOG_LEVEL, 'worker')),
  });
  app.enableShutdownHooks();
  return app;
}
