import 'reflect-metadata';
import {
  createLogger,
  DEFAULT_REDIS_URL,
  loadConfig,
  NestPinoLogger,
  requireSetting,
  type Environment,
} from '@eldercare/config';
import { PersistenceModule } from '@eldercare/persistence';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connectProvisioner } from '@eldercare/broker';
import { ApiModule } from './api.module';
import { apiOptionsFrom } from './api.options';
import { configureApiApp } from './configure-api-app';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { registryOnlyProvisioning, type DeviceProvisioning } from './devices/device-provisioning';

/**
 * With Mosquitto's admin account configured, registered devices get broker accounts and the gateway's service
 * account is (re)created, and the roles of devices registered before the current device grants are brought up to
 * date in the background (DeviceRoleUpgradeTask); otherwise the broker is expected to read the registry itself (EMQX, embedded).
 */
async function provisioningFor(env: Environment): Promise<DeviceProvisioning> {
  if (!env.MQTT_URL || !env.MQTT_ADMIN_USERNAME || !env.MQTT_ADMIN_PASSWORD) return registryOnlyProvisioning;
  const { provisioner, close } = await connectProvisioner(env.MQTT_URL, {
    username: env.MQTT_ADMIN_USERNAME,
    password: env.MQTT_ADMIN_PASSWORD,
  });
  await provisioner.ensureServiceAccount(
    env.MQTT_USERNAME,
    requireSetting(env, 'MQTT_PASSWORD', 'to create the gateway account on Mosquitto'),
  );
  return {
    provisionDevices: (devices) => provisioner.provisionDevices(devices),
    revokeDevice: (deviceId) => provisioner.revokeDevice(deviceId),
    upgradeDeviceRoles: (roles) => provisioner.upgradeDeviceRoles(roles),
    close,
  };
}

/** Starts the api on its own, listening on HTTP_PORT. */
export async function bootstrap(env: Environment = loadConfig()): Promise<INestApplication> {
  const databaseUrl = requireSetting(env, 'DATABASE_URL', 'when the api runs on its own (npm start embeds one)');
  const options = apiOptionsFrom(
    env,
    {
      redis: env.REDIS_URL ?? DEFAULT_REDIS_URL,
      broker: requireSetting(env, 'MQTT_URL', 'for the health check of the broker'),
    },
    await provisioningFor(env),
  );

  @Module({
    imports: [
      PersistenceModule.forRoot({ url: databaseUrl, applicationName: 'eldercare-api' }),
      ApiModule.forRoot(options),
    ],
  })
  class ApiAppModule {}

  const app = await NestFactory.create<NestExpressApplication>(ApiAppModule, {
    logger: new NestPinoLogger(createLogger(env.LOG_LEVEL, 'api')),
  });
  configureApiApp(app, options);
  app.enableShutdownHooks();
  await app.listen(env.HTTP_PORT);
  return app;
}
