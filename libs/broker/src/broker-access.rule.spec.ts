import {
  type BrokerAccount,
  DEVICE_GRANTS_VERSION,
  deviceGrants,
  deviceGrantsAddedSince,
  identifyAccount,
  mayPublish,
  maySubscribe,
} from './broker-access.rule';

const device: BrokerAccount = { kind: 'device', deviceId: 'btn-0001' };
const service: BrokerAccount = { kind: 'service' };
const root = 'eldercare/v1/devices';

describe('broker access rules', () => {
  describe('a device publishing', () => {
    it.each([
      [`${root}/btn-0001/up`, true],
      [`${root}/btn-0001/alarm`, true],
      [`${root}/btn-0001/status`, true],
      [`${root}/btn-0001/down`, false],
      [`${root}/btn-0002/up`, false],
      [`${root}/btn-0002/alarm`, false],
      [`${root}/+/alarm`, false],
      [`${root}/btn-0001/alarm/sos`, false],
      [`${root}/btn-0001/alarms`, false],
      [`${root}/btn-0002/status`, false],
      [`${root}/+/up`, false],
      [`${root}/#`, false],
      [`${root}/btn-0001/#`, false],
      [`${root}/btn-0001/up/extra`, false],
      [`${root}/btn-0001/up/`, false],
      [`${root}/btn-0001`, false],
      [`/${root}/btn-0001/up`, false],
      [`${root}/BTN-0001/up`, false],
      ['$SYS/broker/uptime', false],
      ['$CONTROL/dynamic-security/v1', false],
      ['#', false],
      ['+', false],
      ['', false],
      ['eldercare/v2/devices/btn-0001/up', false],
    ])('to %j is allowed: %s', (topic, allowed) => {
      expect(mayPublish(device, topic)).toBe(allowed);
    });
  });

  describe('a device subscribing', () => {
    it.each([
      [`${root}/btn-0001/down`, true],
      [`${root}/btn-0001/up`, false],
      [`${root}/btn-0001/alarm`, false],
      [`${root}/btn-0002/down`, false],
      [`${root}/+/down`, false],
      [`${root}/btn-0001/+`, false],
      [`${root}/btn-0001/#`, false],
      [`${root}/#`, false],
      [`${root}/btn-0001/down/`, false],
      [`${root}/btn-0001/down/extra`, false],
      [`$share/g/${root}/btn-0001/down`, false],
      ['#', false],
      ['+', false],
      ['$SYS/#', false],
      ['$CONTROL/dynamic-security/#', false],
      ['', false],
    ])('to %j is allowed: %s', (filter, allowed) => {
      expect(maySubscribe(device, filter)).toBe(allowed);
    });
  });

  describe('the service account publishing', () => {
    it.each([
      [`${root}/btn-0001/down`, true],
      [`${root}/wm-0001/down`, true],
      [`${root}/btn-0001/up`, false],
      [`${root}/btn-0001/alarm`, false],
      [`${root}/btn-0001/status`, false],
      [`${root}/+/down`, false],
      [`${root}/#`, false],
      [`${root}/btn-0001/down/extra`, false],
      [`${root}/btn-0001/down/`, false],
      ['$SYS/broker/uptime', false],
      ['$CONTROL/dynamic-security/v1', false],
    ])('to %j is allowed: %s', (topic, allowed) => {
      expect(mayPublish(service, topic)).toBe(allowed);
    });
  });

  describe('the service account subscribing', () => {
    it.each([
      [`${root}/+/up`, true],
      [`${root}/+/alarm`, true],
      [`${root}/+/status`, true],
      [`$share/gateway/${root}/+/up`, true],
      [`$share/gateway/${root}/+/alarm`, true],
      [`$share/gateway/${root}/+/status`, true],
      [`${root}/btn-0001/alarm`, true],
      [`${root}/+/alarm/#`, false],
      [`${root}/btn-0001/up`, true],
      [`${root}/+/down`, false],
      [`${root}/+/+`, false],
      [`${root}/#`, false],
      [`${root}/+/up/#`, false],
      [`${root}/+/up/`, false],
      [`$share/gateway/${root}/#`, false],
      [`$share/+/${root}/+/up`, false],
      [`$share/#/${root}/+/up`, false],
      [`$share//${root}/+/up`, false],
      ['$share/gateway', false],
      [`+/v1/devices/+/up`, false],
      ['#', false],
      ['+', false],
      ['$SYS/#', false],
      ['$CONTROL/dynamic-security/#', false],
      [`${root}/+#/up`, false],
    ])('to %j is allowed: %s', (filter, allowed) => {
      expect(maySubscribe(service, filter)).toBe(allowed);
    });
  });

  describe('identifying the account of a connection', () => {
    const serviceUsername = 'eldercare-gateway';

    it.each([
      [
        'a device with clientId = username = its id',
        { clientId: 'btn-0001', username: 'btn-0001' },
        { account: device },
      ],
      [
        'the service account, whatever its clientId',
        { clientId: 'gateway-1', username: serviceUsername },
        { account: service },
      ],
      [
        'a device using another clientId',
        { clientId: 'btn-0002', username: 'btn-0001' },
        { refusal: expect.stringContaining('clientId') },
      ],
      ['a connection without username', { clientId: 'btn-0001', username: undefined }, { refusal: 'no username' }],
      ['an empty username', { clientId: 'btn-0001', username: '' }, { refusal: 'no username' }],
      [
        'a username with topic wildcards',
        { clientId: 'a/+/#', username: 'a/+/#' },
        { refusal: 'username is not a device id' },
      ],
      [
        'a username too short for a device id',
        { clientId: 'ab', username: 'ab' },
        { refusal: 'username is not a device id' },
      ],
    ])('%s', (_case, login, expected) => {
      expect(identifyAccount(login, serviceUsername)).toEqual(expected);
    });
  });

  describe('device grants by version', () => {
    const publishes = (version: number) =>
      deviceGrants('btn-0001', version)
        .filter(({ action }) => action === 'publish')
        .map(({ pattern }) => pattern);

    it('are at version 2, the first with the alarm topic', () => {
      expect(DEVICE_GRANTS_VERSION).toBe(2);
      expect(publishes(1)).not.toContain(`${root}/btn-0001/alarm`);
      expect(publishes(2)).toContain(`${root}/btn-0001/alarm`);
    });

    it('held by a role of version 1 are up, status and down, as roles were first created', () => {
      expect(deviceGrants('btn-0001', 1)).toEqual([
        { action: 'publish', pattern: `${root}/btn-0001/up` },
        { action: 'publish', pattern: `${root}/btn-0001/status` },
        { action: 'subscribe', pattern: `${root}/btn-0001/down` },
      ]);
    });

    it('of the current version are what the access rule allows a device', () => {
      expect(deviceGrants('btn-0001')).toEqual(deviceGrants('btn-0001', DEVICE_GRANTS_VERSION));
      for (const { action, pattern } of deviceGrants('btn-0001')) {
        expect(action === 'publish' ? mayPublish(device, pattern) : maySubscribe(device, pattern)).toBe(true);
      }
    });

    it.each([1, 2])('added since version %i make up, with what that version holds, the current grants', (version) => {
      const brought = [...deviceGrants('btn-0001', version), ...deviceGrantsAddedSince('btn-0001', version)];
      expect(brought).toHaveLength(deviceGrants('btn-0001').length);
      expect(brought).toEqual(expect.arrayContaining([...deviceGrants('btn-0001')]));
    });

    it('added since version 1 are the alarm topic alone, and since the current version nothing', () => {
      expect(deviceGrantsAddedSince('btn-0001', 1)).toEqual([{ action: 'publish', pattern: `${root}/btn-0001/alarm` }]);
      expect(deviceGrantsAddedSince('btn-0001', DEVICE_GRANTS_VERSION)).toEqual([]);
    });

    it.each([0, DEVICE_GRANTS_VERSION + 1, 1.5])('refuse version %p, which does not exist', (version) => {
      expect(() => deviceGrants('btn-0001', version)).toThrow(RangeError);
      expect(() => deviceGrantsAddedSince('btn-0001', version)).toThrow(RangeError);
    });
  });
});
