/**
 * MQTT topic names of device protocol v1.
 * STORED OUTSIDE THE CODE: firmware and broker ACLs hold these strings. Never rename them;
 * a breaking change is protocol v2 on new topics, with v1 still served.
 */
export const TOPIC_ROOT = 'eldercare/v1/devices';

/**
 * The topics of each device: `up`, `alarm` and `status` from the device, `down` to it. `alarm` was added to v1
 * (additively: `up` still takes every kind) so that the broker queues sos, fall and cancel apart from readings.
 */
export type DeviceChannel = 'up' | 'alarm' | 'status' | 'down';

const CHANNELS: readonly string[] = ['up', 'alarm', 'status', 'down'] satisfies DeviceChannel[];

/** Device ids: 3 to 64 characters of A-Z a-z 0-9 _ - (they appear verbatim in topics and broker ACLs). */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;

/** True when `value` is a well-formed device id (it may still be unregistered). */
export function isValidDeviceId(value: string): boolean {
  return DEVICE_ID_PATTERN.test(value);
}

/** The topic of one device's channel; `deviceId` must already be valid, as it is not escaped. */
export function deviceTopic(deviceId: string, channel: DeviceChannel): string {
  return `${TOPIC_ROOT}/${deviceId}/${channel}`;
}

const sharePrefix = (shared: boolean) => (shared ? '$share/gateway/' : '');

/** Filters the gateway's reading connections subscribe to; `shared` prefixes the MQTT 5 shared-subscription group. */
export function gatewaySubscriptions(shared: boolean): string[] {
  return [`${sharePrefix(shared)}${TOPIC_ROOT}/+/up`, `${sharePrefix(shared)}${TOPIC_ROOT}/+/status`];
}

/**
 * The filter the gateway's alarm connections subscribe to, and nothing else: the broker keeps a queue per
 * connection, so alarms published on `alarm` never queue behind readings published on `up`.
 */
export function gatewayAlarmSubscriptions(shared: boolean): string[] {
  return [`${sharePrefix(shared)}${TOPIC_ROOT}/+/alarm`];
}

/** A device topic split into its parts. */
export interface ParsedTopic {
  deviceId: string;
  channel: DeviceChannel;
}

/** Splits an incoming topic; undefined when it is not a well-formed v1 device topic. */
export function parseDeviceTopic(topic: string): ParsedTopic | undefined {
  const prefix = `${TOPIC_ROOT}/`;
  if (!topic.startsWith(prefix)) return undefined;
  const [deviceId, channel, ...rest] = topic.slice(prefix.length).split('/');
  if (rest.length > 0 || !isValidDeviceId(deviceId)) return undefined;
  if (!CHANNELS.includes(channel)) return undefined;
  return { deviceId, channel: channel as DeviceChannel };
}
