import {
  deviceTopic,
  gatewayAlarmSubscriptions,
  gatewaySubscriptions,
  isValidDeviceId,
  parseDeviceTopic,
  TOPIC_ROOT,
  type DeviceChannel,
} from './topics';

describe('parseDeviceTopic', () => {
  const sut = parseDeviceTopic;

  it.each<[string, string, DeviceChannel]>([
    ['eldercare/v1/devices/btn-0001/up', 'btn-0001', 'up'],
    ['eldercare/v1/devices/btn-0001/alarm', 'btn-0001', 'alarm'],
    ['eldercare/v1/devices/wm_0001/status', 'wm_0001', 'status'],
    ['eldercare/v1/devices/watch-0001/down', 'watch-0001', 'down'],
    ['eldercare/v1/devices/abc/up', 'abc', 'up'],
    [`eldercare/v1/devices/${'A'.repeat(64)}/up`, 'A'.repeat(64), 'up'],
  ])('splits %s', (topic, deviceId, channel) => {
    expect(sut(topic)).toEqual({ deviceId, channel });
  });

  it('names the device of the topic, not the device that published it, so the gateway can compare the two', () => {
    expect(sut('eldercare/v1/devices/watch-0002/up')).toEqual({ deviceId: 'watch-0002', channel: 'up' });
  });

  it.each([
    ['an id of 2 characters', 'eldercare/v1/devices/ab/up'],
    ['an id of 65 characters', `eldercare/v1/devices/${'A'.repeat(65)}/up`],
    ['an empty id', 'eldercare/v1/devices//up'],
    ['a dot in the id', 'eldercare/v1/devices/btn.0001/up'],
    ['a space in the id', 'eldercare/v1/devices/btn 0001/up'],
    ['a non-ASCII id', 'eldercare/v1/devices/\u6309\u94ae0001/up'],
    ['a NUL in the id', 'eldercare/v1/devices/btn\u00000001/up'],
    ['a + wildcard as the id', 'eldercare/v1/devices/+/up'],
    ['a # wildcard as the id', 'eldercare/v1/devices/#'],
    ['a + inside the id', 'eldercare/v1/devices/btn+1/up'],
    ['a # as the channel', 'eldercare/v1/devices/btn-0001/#'],
    ['a + as the channel', 'eldercare/v1/devices/btn-0001/+'],
    ['an extra level', 'eldercare/v1/devices/btn-0001/up/extra'],
    ['a trailing slash', 'eldercare/v1/devices/btn-0001/up/'],
    ['no channel', 'eldercare/v1/devices/btn-0001'],
    ['a channel in capitals', 'eldercare/v1/devices/btn-0001/UP'],
    ['an alarm channel in capitals', 'eldercare/v1/devices/btn-0001/ALARM'],
    ['a level under alarm', 'eldercare/v1/devices/btn-0001/alarm/sos'],
    ['an unknown channel', 'eldercare/v1/devices/btn-0001/config'],
    ['protocol v2', 'eldercare/v2/devices/btn-0001/up'],
    ['a leading slash', '/eldercare/v1/devices/btn-0001/up'],
    ['a shared-subscription prefix', '$share/gateway/eldercare/v1/devices/btn-0001/up'],
    ['another root', 'other/v1/devices/btn-0001/up'],
    ['an empty topic', ''],
  ])('refuses %s', (_description, topic) => {
    expect(sut(topic)).toBeUndefined();
  });
});

describe('deviceTopic', () => {
  it.each<[DeviceChannel, string]>([
    ['up', 'eldercare/v1/devices/btn-0001/up'],
    ['alarm', 'eldercare/v1/devices/btn-0001/alarm'],
    ['status', 'eldercare/v1/devices/btn-0001/status'],
    ['down', 'eldercare/v1/devices/btn-0001/down'],
  ])('builds the %s topic that parseDeviceTopic reads back', (channel, topic) => {
    expect(deviceTopic('btn-0001', channel)).toBe(topic);
    expect(parseDeviceTopic(topic)).toEqual({ deviceId: 'btn-0001', channel });
  });
});

describe('isValidDeviceId', () => {
  it.each([
    ['abc', true],
    ['A-Z_a-z_0-9', true],
    ['x'.repeat(64), true],
    ['ab', false],
    ['x'.repeat(65), false],
    ['btn/1', false],
    ['btn#1', false],
    ['btn+1', false],
    ['abc\n', false],
  ])('judges %j as %s', (id, valid) => {
    expect(isValidDeviceId(id)).toBe(valid);
  });
});

describe('gatewaySubscriptions', () => {
  it.each([
    [false, [`${TOPIC_ROOT}/+/up`, `${TOPIC_ROOT}/+/status`]],
    [true, [`$share/gateway/${TOPIC_ROOT}/+/up`, `$share/gateway/${TOPIC_ROOT}/+/status`]],
  ])('with shared=%s takes every uplink and status, never downlinks', (shared, filters) => {
    expect(gatewaySubscriptions(shared)).toEqual(filters);
  });
});

describe('gatewayAlarmSubscriptions', () => {
  it.each([
    [false, [`${TOPIC_ROOT}/+/alarm`]],
    [true, [`$share/gateway/${TOPIC_ROOT}/+/alarm`]],
  ])('with shared=%s takes every alarm topic and nothing that readings travel on', (shared, filters) => {
    expect(gatewayAlarmSubscriptions(shared)).toEqual(filters);
  });
});
