import { type DeviceChannel, TOPIC_ROOT, deviceTopic, isValidDeviceId } from '@eldercare/protocol';

/**
 * Who is at the other end of a broker connection, as far as topics go. The platform's service
 * account (the gateway) is one account for all its connections; each device is its own account.
 */
export type BrokerAccount = { kind: 'device'; deviceId: string } | { kind: 'service' };

export type TopicAction = 'publish' | 'subscribe';

/**
 * One permission, as Mosquitto's dynamic-security plugin evaluates it: `publish` is its
 * `publishClientSend` (the topic must match the pattern, `+` and `#` as wildcards) and `subscribe`
 * its `subscribePattern` (the requested filter must be no wider than the pattern).
 * Everything not granted is refused.
 */
export interface TopicGrant {
  readonly action: TopicAction;
  readonly pattern: string;
}

/** Mosquitto 2.0 checks a shared subscription's whole filter, group included, against the grants. */
const ANY_SHARE_GROUP = '$share/+/';

/** One of a device's permissions, on one of its own topics. */
interface DeviceChannelGrant {
  readonly action: TopicAction;
  readonly channel: DeviceChannel;
}

/*
 * STORED OUTSIDE THE CODE: a device's broker role is created with the grants of its day, and the registry records
 * which version it holds (`devices.broker_grants_version`). Versions only add: change what a device may do by
 * appending a version here, never by editing one, so that a role can be brought up to date by adding what it lacks.
 */
const DEVICE_GRANTS_ADDED_BY_VERSION: readonly (readonly DeviceChannelGrant[])[] = [
  // 1: device protocol v1 as first released.
  [
    { action: 'publish', channel: 'up' },
    { action: 'publish', channel: 'status' },
    { action: 'subscribe', channel: 'down' },
  ],
  // 2: the alarm topic.
  [{ action: 'publish', channel: 'alarm' }],
];

/** The version of the grants a device role gets now. */
export const DEVICE_GRANTS_VERSION = DEVICE_GRANTS_ADDED_BY_VERSION.length;

/**
 * What a device may do: publish its own `up`, `alarm` and `status`, subscribe to its own `down`; or, given an earlier
 * version, what a role created then holds.
 */
export function deviceGrants(deviceId: string, version = DEVICE_GRANTS_VERSION): readonly TopicGrant[] {
  return toTopicGrants(deviceId, DEVICE_GRANTS_ADDED_BY_VERSION.slice(0, checkedVersion(version)).flat());
}

/** What a device role created at `version` lacks to hold the current grants. */
export function deviceGrantsAddedSince(deviceId: string, version: number): readonly TopicGrant[] {
  return toTopicGrants(deviceId, DEVICE_GRANTS_ADDED_BY_VERSION.slice(checkedVersion(version)).flat());
}

export function isDeviceGrantsVersion(version: number): boolean {
  return Number.isInteger(version) && version >= 1 && version <= DEVICE_GRANTS_VERSION;
}

function checkedVersion(version: number): number {
  if (!isDeviceGrantsVersion(version))
    throw new RangeError(`device grants version ${version} is not one of 1 to ${DEVICE_GRANTS_VERSION}`);
  return version;
}

function toTopicGrants(deviceId: string, grants: readonly DeviceChannelGrant[]): TopicGrant[] {
  return grants.map(({ action, channel }) => ({ action, pattern: deviceTopic(deviceId, channel) }));
}

/**
 * What the platform's service account may do: take every device's uplinks, alarms and status, directly or
 * through a shared subscription (several gateways split the load), and send any device a downlink.
 */
/** Mosquitto 2's `$SYS` totals, republished every `sys_interval` when they change. */
export const BROKER_DROPPED_TOPIC = '$SYS/broker/publish/messages/dropped';
export const BROKER_STORED_TOPIC = '$SYS/broker/store/messages/count';

export const SERVICE_GRANTS: readonly TopicGrant[] = [
  { action: 'subscribe', pattern: `${TOPIC_ROOT}/+/up` },
  { action: 'subscribe', pattern: `${TOPIC_ROOT}/+/alarm` },
  { action: 'subscribe', pattern: `${TOPIC_ROOT}/+/status` },
  { action: 'subscribe', pattern: `${ANY_SHARE_GROUP}${TOPIC_ROOT}/+/up` },
  { action: 'subscribe', pattern: `${ANY_SHARE_GROUP}${TOPIC_ROOT}/+/alarm` },
  { action: 'subscribe', pattern: `${ANY_SHARE_GROUP}${TOPIC_ROOT}/+/status` },
  { action: 'publish', pattern: `${TOPIC_ROOT}/+/down` },
  // Mosquitto's own counters, so the gateway can report what the broker dropped (see BrokerDropWatch).
  { action: 'subscribe', pattern: BROKER_DROPPED_TOPIC },
  { action: 'subscribe', pattern: BROKER_STORED_TOPIC },
];

export function grantsOf(account: BrokerAccount): readonly TopicGrant[] {
  return account.kind === 'service' ? SERVICE_GRANTS : deviceGrants(account.deviceId);
}

export function mayPublish(account: BrokerAccount, topic: string): boolean {
  return grantsOf(account).some((grant) => grant.action === 'publish' && topicMatches(grant.pattern, topic));
}

export function maySubscribe(account: BrokerAccount, filter: string): boolean {
  return (
    isValidFilter(filter) &&
    grantsOf(account).some((grant) => grant.action === 'subscribe' && filterWithin(grant.pattern, filter))
  );
}

export type AccountIdentification = { account: BrokerAccount } | { refusal: string };

/**
 * Which account a connection claims, before its password is checked. Devices must connect with
 * clientId = username = device id (device protocol v1), so one device cannot take over another's session.
 */
export function identifyAccount(
  login: { clientId: string; username: string | undefined },
  serviceUsername: string,
): AccountIdentification {
  const { clientId, username } = login;
  if (!username) return { refusal: 'no username' };
  if (username === serviceUsername) return { account: { kind: 'service' } };
  if (!isValidDeviceId(username)) return { refusal: 'username is not a device id' };
  if (clientId !== username) return { refusal: 'a device must connect with clientId equal to its username' };
  return { account: { kind: 'device', deviceId: username } };
}

/** mosquitto_topic_matches_sub: a concrete topic against a pattern with wildcards. */
function topicMatches(pattern: string, topic: string): boolean {
  if (topic === '' || /[+#\0]/.test(topic)) return false;
  const patternLevels = pattern.split('/');
  const topicLevels = topic.split('/');
  if (topic.startsWith('$') && (patternLevels[0] === '+' || patternLevels[0] === '#')) return false;
  for (const [index, level] of patternLevels.entries()) {
    if (level === '#') return true;
    if (index >= topicLevels.length || (level !== '+' && level !== topicLevels[index])) return false;
  }
  return patternLevels.length === topicLevels.length;
}

/** The dynamic-security plugin's sub_acl_check: a subscription filter no wider than the pattern. */
function filterWithin(pattern: string, filter: string): boolean {
  if (pattern === '#') return true;
  const granted = splitMultiLevel(pattern);
  const requested = splitMultiLevel(filter);
  if (requested.multiLevel && !granted.multiLevel) return false;
  if (granted.levels.length > requested.levels.length) return false;
  if (requested.levels.length > granted.levels.length && !granted.multiLevel) return false;
  return granted.levels.every((level, index) => level === '+' || level === requested.levels[index]);
}

function splitMultiLevel(filter: string): { levels: string[]; multiLevel: boolean } {
  if (filter === '#') return { levels: [], multiLevel: true };
  if (filter.endsWith('/#')) return { levels: filter.slice(0, -2).split('/'), multiLevel: true };
  return { levels: filter.split('/'), multiLevel: false };
}

/** A well-formed MQTT subscription filter (a broker refuses the others at the protocol level). */
function isValidFilter(filter: string): boolean {
  if (filter === '' || filter.includes('\0')) return false;
  const levels = filter.split('/');
  if (levels[0] === '$share') {
    const [, group, ...rest] = levels;
    if (!group || /[+#]/.test(group) || rest.length === 0) return false;
    return isValidFilter(rest.join('/'));
  }
  return levels.every(
    (level, index) => level === '+' || (level === '#' && index === levels.length - 1) || !/[+#]/.test(level),
  );
}
