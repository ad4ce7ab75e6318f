import type { IngestDevice } from '@eldercare/persistence';
import { deviceTopic } from '@eldercare/protocol';
import { decodeInbound } from './inbound-message';
import { planIngest } from './ingest-plan';

const receivedAt = new Date('2026-11-23T08:00:00Z');
const devices = new Map<string, IngestDevice>([
  ['btn-0001', { id: 'btn-0001', type: 'call_button', elderId: 'elder-1', status: 'active' }],
  ['wm-0001', { id: 'wm-0001', type: 'water_meter', elderId: 'elder-1', status: 'active' }],
  ['watch-0001', { id: 'watch-0001', type: 'wearable', elderId: 'elder-1', status: 'active' }],
  ['btn-0002', { id: 'btn-0002', type: 'call_button', elderId: null, status: 'retired' }],
]);

const up = (deviceId: string, body: unknown, at = receivedAt) =>
  decodeInbound(deviceTopic(deviceId, 'up'), Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), at);
const status = (deviceId: string, online: boolean, at = receivedAt) =>
  decodeInbound(deviceTopic(deviceId, 'status'), Buffer.from(JSON.stringify({ online })), at);

describe('planIngest', () => {
  it('accepts a valid uplink with its device, elder and time', () => {
    const sut = planIngest([up('wm-0001', { msgId: '17', kind: 'water', totalLiters: 15234.5, flowLpm: 0 })], devices);
    expect(sut.accepted).toEqual([
      expect.objectContaining({
        deviceId: 'wm-0001',
        msgId: '17',
        kind: 'water',
        occurredAt: receivedAt,
        device: devices.get('wm-0001'),
      }),
    ]);
    expect(sut.rejections).toEqual([]);
  });

  it('folds a retransmission inside the batch into the first copy but acknowledges every sos copy', () => {
    const sos = { msgId: 'a1', kind: 'sos' };
    const sut = planIngest([up('btn-0001', sos), up('btn-0001', sos), up('btn-0001', sos)], devices);
    expect(sut.accepted).toHaveLength(1);
    expect(sut.duplicatesInBatch).toBe(2);
    expect(sut.urgent).toEqual(Array(3).fill({ deviceId: 'btn-0001', msgId: 'a1' }));
  });

  it('keeps the same msgId from two devices apart', () => {
    const sut = planIngest(
      [up('btn-0001', { msgId: '1', kind: 'sos' }), up('watch-0001', { msgId: '1', kind: 'sos' })],
      devices,
    );
    expect(sut.accepted.map((message) => message.deviceId)).toEqual(['btn-0001', 'watch-0001']);
  });

  it.each([
    ['not JSON', 'btn-0001', '{sos', 'not-json', true],
    [
      'a kind the type may not send',
      'btn-0001',
      { msgId: '2', kind: 'water', totalLiters: 1 },
      'kind-not-allowed',
      true,
    ],
    ['an unknown field', 'btn-0001', { msgId: '3', kind: 'sos', extra: 1 }, 'invalid-fields', true],
    ['an unregistered device', 'btn-9999', { msgId: '4', kind: 'sos' }, 'unknown-device', false],
    ['a retired device', 'btn-0002', { msgId: '5', kind: 'sos' }, 'device-retired', false],
  ])(
    'refuses %s, recording the reason and answering only a registered device',
    (_name, deviceId, body, code, answered) => {
      const sut = planIngest([up(deviceId, body)], devices);
      expect(sut.accepted).toEqual([]);
      expect(sut.rejections).toEqual([expect.objectContaining({ deviceId, code, topic: deviceTopic(deviceId, 'up') })]);
      expect(sut.notices.map((notice) => notice.refusal.code)).toEqual(answered ? [code] : []);
    },
  );

  it('refuses a topic that is not a device topic without naming a device', () => {
    const sut = planIngest(
      [decodeInbound('eldercare/v1/devices/btn-0001/up/extra', Buffer.from('{}'), receivedAt)],
      devices,
    );
    expect(sut.rejections).toEqual([expect.objectContaining({ deviceId: null, code: 'invalid-topic' })]);
    expect(sut.notices).toEqual([]);
  });

  it('records battery and liveness from a heartbeat, and the last status of the batch', () => {
    const later = new Date(receivedAt.getTime() + 1000);
    const sut = planIngest(
      [
        up('watch-0001', { msgId: 'h1', kind: 'heartbeat', battery: 42 }),
        status('watch-0001', false, later),
        status('btn-0001', true),
      ],
      devices,
    );
    expect(sut.activity).toEqual(
      expect.arrayContaining([
        { deviceId: 'watch-0001', lastSeenAt: later, online: false, battery: 42 },
        { deviceId: 'btn-0001', lastSeenAt: receivedAt, online: true },
      ]),
    );
    expect(sut.accepted.map((message) => message.kind)).toEqual(['heartbeat']);
    expect(sut.statusChanges.map(({ device, online }) => [device.id, online])).toEqual([
      ['watch-0001', false],
      ['btn-0001', true],
    ]);
  });

  it('keeps the newest news of a device when an older status, replayed by the broker, comes after it', () => {
    const subscribedAt = new Date(receivedAt.getTime() - 1000);
    const sut = planIngest(
      [up('wm-0001', { msgId: 'r1', kind: 'water', totalLiters: 10 }), status('wm-0001', false, subscribedAt)],
      devices,
    );
    expect(sut.activity).toEqual([{ deviceId: 'wm-0001', lastSeenAt: receivedAt, online: true }]);
    expect(sut.statusChanges).toEqual([]);
  });

  it('refuses a malformed status and answers the device', () => {
    const sut = planIngest(
      [decodeInbound(deviceTopic('btn-0001', 'status'), Buffer.from('{"online":"yes"}'), receivedAt)],
      devices,
    );
    expect(sut.rejections.map((rejection) => rejection.code)).toEqual(['invalid-status']);
    expect(sut.notices).toHaveLength(1);
    expect(sut.activity).toEqual([]);
  });

  it('uses the receive time when the device clock runs ahead, and records the skew', () => {
    const ahead = receivedAt.getTime() + 10 * 60_000;
    const sut = planIngest([up('btn-0001', { msgId: 't', ts: ahead, kind: 'sos' })], devices);
    expect(sut.accepted[0]).toMatchObject({ occurredAt: receivedAt, clockSkewMs: 10 * 60_000 });
  });

  it('records a refusal marked unanswered without a rejected downlink', () => {
    const refused = { ...up('btn-0001', '{sos'), unanswered: true };

    const sut = planIngest([refused], devices);
    expect(sut.rejections).toEqual([expect.objectContaining({ deviceId: 'btn-0001', code: 'not-json' })]);
    expect(sut.notices).toEqual([]);
  });
});
