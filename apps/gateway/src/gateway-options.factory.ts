import { DEFAULT_REDIS_URL, type Environment } from '@eldercare/config';
import type { GatewayOptions } from './gateway.options';

/** Gateway settings from the environment; the all-in-one process overrides the broker part for its embedded one. */
export function gatewayOptionsFrom(
  env: Environment,
  mqtt: Pick<GatewayOptions['mqtt'], 'url'> & Partial<GatewayOptions['mqtt']>,
): GatewayOptions {
  const sharedSubscription = mqtt.sharedSubscription ?? env.MQTT_SHARED_SUBSCRIPTION;
  return {
    mqtt: {
      username: env.MQTT_USERNAME,
      password: env.MQTT_PASSWORD,
      clientIdBase: `gateway-${env.GATEWAY_ID}`,
      connections: env.GATEWAY_CONNECTIONS,
      // Without shared subscriptions every alarm connection would receive every alarm again.
      alarmConnections: sharedSubscription ? env.GATEWAY_ALARM_CONNECTIONS : 1,
      sharedSubscription,
      ...mqtt,
    },
    batch: { windowMs: env.GATEWAY_BATCH_WINDOW_MS },
    deviceLimit: { perMinute: env.GATEWAY_DEVICE_MESSAGES_PER_MIN, burst: env.GATEWAY_DEVICE_BURST },
    reorderWindowMs: env.RULES_REORDER_WINDOW_MS,
    redis: { url: env.REDIS_URL ?? DEFAULT_REDIS_URL },
    queuePrefix: env.QUEUE_PREFIX,
  };
}
