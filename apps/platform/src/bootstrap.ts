import 'reflect-metadata';
import {
  apiOptionsFrom,
  BookingsService,
  configureApiApp,
  DeviceRegistryService,
  FacesService,
  MealOrdersService,
  MealTerminalService,
  registryOnlyProvisioning,
  ReportArchiveService,
  WorkOrdersService,
} from '@eldercare/api';
import { createEmbeddedBroker, type EmbeddedBroker } from '@eldercare/broker';
import { createLogger, DEFAULT_REDIS_URL, loadConfig, NestPinoLogger, type Environment } from '@eldercare/config';
import { gatewayOptionsFrom } from '@eldercare/gateway';
import { BookingRepository, DeviceRepository, UserRepository } from '@eldercare/persistence';
import { WorkOrderGenerator, workerOptionsFrom } from '@eldercare/worker';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { generateDemoCity } from './demo/demo-city';
import { startDemoCareDay } from './demo/demo-care-day';
import { ensureDemoBookings } from './demo/demo-bookings';
import { ensureDemoMealOrders, startDemoMealService } from './demo/demo-canteens';
import { ensureDemoFaces, ensureDemoMealCards } from './demo/demo-diners';
import { startDemoFleet } from './demo/demo-fleet';
import { DemoSeeder } from './demo/demo-seeder';
import { ensureDemoArchive } from './demo/demo-archive';
import { embeddedBrokerPort } from './embedded/embedded-broker-port';
import { startEmbeddedPostgres, type RunningService } from './embedded/embedded-postgres';
import { findOrStartRedis } from './embedded/local-redis';
import { PlatformModule } from './platform.module';

/** Port for a redis-server this process starts itself, away from a system one on 6379. */
const OWN_REDIS_PORT = 6390;

export interface RunningPlatform {
  app: INestApplication;
  mqttUrl: string;
  stop(): Promise<void>;
}

/**
 * Gateway, worker and api in one process. What the environment does not name is embedded: Postgres into
 * DATA_DIR, an MQTT broker with the production access rules, Redis found or started. With DEMO, a demo city
 * is seeded once and a simulated fleet keeps its devices talking.
 */
export async function bootstrap(env: Environment = loadConfig()): Promise<RunningPlatform> {
  const logger = createLogger(env.LOG_LEVEL, 'platform');
  // What was started, stopped in reverse order: the fleet, then the app (the gateway drains), the broker, Redis, Postgres.
  const stack: { name: string; stop: () => Promise<void> }[] = [];
  const stop = async () => {
    for (const { name, stop: stopPart } of stack.splice(0).reverse()) {
      logger.info(`stopping ${name}`);
      await stopPart().catch((error: Error) => logger.error(`stopping ${name}: ${error.message}`));
    }
  };
  try {
    const postgres: RunningService = env.DATABASE_URL
      ? { url: env.DATABASE_URL, stop: async () => undefined }
      : await startEmbeddedPostgres(env.DATA_DIR, env.EMBEDDED_POSTGRES_PORT, (line) => logger.warn(line));
    stack.push({ name: 'postgres', stop: postgres.stop });
    const redis = await findOrStartRedis(env.REDIS_URL, DEFAULT_REDIS_URL, env.DATA_DIR, OWN_REDIS_PORT);
    stack.push({ name: 'redis', stop: redis.stop });
    const redisEnv = { ...env, REDIS_URL: redis.url };

    const embeddedPort = env.MQTT_URL ? undefined : await embeddedBrokerPort(env.MQTT_PORT);
    const embedded = embeddedPort !== undefined;
    // The in-process gateway and broker share a password that lives as long as the process.
    const servicePassword = env.MQTT_PASSWORD ?? randomBytes(18).toString('base64url');
    const mqttUrl = env.MQTT_URL ?? `mqtt://127.0.0.1:${embeddedPort}`;
    const apiOptions = apiOptionsFrom(env, { redis: redis.url, broker: mqttUrl }, registryOnlyProvisioning);

    const app = await NestFactory.create<NestExpressApplication>(
      PlatformModule.forRoot({
        database: { url: postgres.url, applicationName: 'eldercare-platform' },
        // Without shared subscriptions, a second connection would receive every message again.
        gateway: gatewayOptionsFrom(
          redisEnv,
          embedded
            ? {
                url: mqttUrl,
                password: servicePassword,
                sharedSubscription: false,
                connections: 1,
                alarmConnections: 1,
              }
            : { url: mqttUrl },
        ),
        worker: workerOptionsFrom(redisEnv, { url: postgres.url, applicationName: 'eldercare-platform-alarms' }),
        api: apiOptions,
      }),
      { logger: new NestPinoLogger(logger) },
    );
    configureApiApp(app, apiOptions);
    stack.push({ name: 'gateway, worker and api', stop: () => app.close() });

    if (embeddedPort !== undefined) {
      const broker: EmbeddedBroker = createEmbeddedBroker({
        credentials: app.get(DeviceRepository),
        service: { username: env.MQTT_USERNAME, password: servicePassword },
        logger,
      });
      await broker.listen(embeddedPort, '0.0.0.0').catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EADDRINUSE'
          ? new Error(
              `MQTT_PORT ${embeddedPort} is taken (another MQTT broker?): set MQTT_PORT to a free port, or MQTT_URL to use that broker`,
            )
          : error;
      });
      // Closed after the app, so the gateway can drain and acknowledge what it holds.
      stack.splice(stack.length - 1, 0, { name: 'embedded MQTT broker', stop: () => broker.close() });
      logger.info(`embedded MQTT broker on port ${embeddedPort}`);
    }

    await app.listen(env.HTTP_PORT).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE'
        ? new Error(`HTTP_PORT ${env.HTTP_PORT} is taken: set HTTP_PORT to a free port`)
        : error;
    });
    logger.info(`api on http://127.0.0.1:${env.HTTP_PORT} (health: /health)`);

    if (env.DEMO) {
      const seeder = new DemoSeeder(
        app.get(DataSource),
        app.get(DeviceRegistryService),
        join(env.DATA_DIR, 'demo-devices.json'),
      );
      const seeding = Date.now();
      const credentials = await seeder.ensure(generateDemoCity(env.DEMO_ELDERS, new Date()));
      logger.info(`demo city ready in ${Date.now() - seeding} ms`);
      // The hourly generator may have run before the plans were seeded: make the coming week's orders now.
      await app.get(WorkOrderGenerator).generate();
      await ensureDemoArchive(app.get(ReportArchiveService));
      if (credentials) {
        const fleet = await startDemoFleet(mqttUrl, credentials, env.DEMO_SPEED, logger);
        stack.push({ name: 'demo fleet', stop: fleet.stop });
      } else {
        logger.warn('demo data exists but its device secrets are not in DATA_DIR; the simulated fleet does not start');
      }
      await ensureDemoBookings(app.get(DataSource), app.get(BookingsService), logger);
      await ensureDemoMealOrders(app.get(DataSource), app.get(MealOrdersService), logger);
      const cards = await ensureDemoMealCards(app.get(DataSource), app.get(FacesService));
      if (cards > 0) logger.info(`demo meal cards: ${cards} issued to the canteens' elders`);
      // Enrolling the demo faces takes seconds: after start-up, once; stopped between faces when the platform stops.
      const enrolment = new AbortController();
      const enrolling = ensureDemoFaces(app.get(DataSource), app.get(FacesService), logger, enrolment.signal).catch(
        (error: Error) => logger.warn(`demo faces: ${error.message}`),
      );
      stack.push({
        name: 'demo face enrolment',
        stop: async () => {
          enrolment.abort();
          await enrolling;
        },
      });
      const careDay = await startDemoCareDay(
        app.get(WorkOrdersService),
        app.get(UserRepository),
        app.get(BookingRepository),
        logger,
      );
      stack.push({ name: 'demo care day', stop: async () => careDay.stop() });
      const meals = await startDemoMealService(app.get(MealTerminalService), app.get(DataSource), logger);
      stack.push({ name: 'demo meal service', stop: async () => meals.stop() });
    }
    return { app, mqttUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
