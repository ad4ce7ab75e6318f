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
import { PersistenceModule, type PersistenceOptions } from '@eldercare/persistence';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';
import type { WorkerOptions } from './worker.options';

/** The worker's options; `database` is where a thread of alarms (WORKER_ALARM_LANE) connects. */
export function workerOptionsFrom(env: Environment, database: PersistenceOptions): WorkerOptions {
  return {
    redis: { url: env.REDIS_URL ?? DEFAULT_REDIS_URL },
    queuePrefix: env.QUEUE_PREFIX,
    concurrency: env.WORKER_CONCURRENCY,
    alarmConcurrency: env.WORKER_ALARM_CONCURRENCY,
    alarmLane:
      env.WORKER_ALARM_LANE === 'thread'
        ? {
            runs: 'thread',
            // A connection for each alarm taken at once.
            database: { ...database, poolSize: env.WORKER_ALARM_CONCURRENCY },
            logLevel: env.LOG_LEVEL,
          }
        : { runs: 'inline' },
    lockMs: env.WORKER_LOCK_MS,
    abandonVolunteerRequestsAfterHours: env.TIME_BANK_ABANDON_AFTER_HOURS,
  };
}

/** What the worker logs once it takes every queue, alarms included. */
export const WORKER_READY = 'worker ready: taking alarms, readings and timers';

/** Starts the worker on its own. */
export async function bootstrap(env: Environment = loadConfig()): Promise<INestApplicationContext> {
  const databaseUrl = requireSetting(env, 'DATABASE_URL', 'when the worker runs on its own (npm start embeds one)');

  @Module({
    imports: [
      PersistenceModule.forRoot({ url: databaseUrl, applicationName: 'eldercare-worker' }),
      WorkerModule.forRoot(workerOptionsFrom(env, { url: databaseUrl, applicationName: 'eldercare-worker-alarms' })),
      MetricsEndpointModule.forRoot(env.METRICS_PORT, { token: env.METRICS_TOKEN, open: env.METRICS_OPEN }),
    ],
  })
  class WorkerAppModule {}

  const logger = createLogger(env.LOG_LEVEL, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerAppModule, { logger: new NestPinoLogger(logger) });
  app.enableShutdownHooks();
  // Every consumer has started, the alarm lane's thread included.
  logger.info(WORKER_READY);
  return app;
}
