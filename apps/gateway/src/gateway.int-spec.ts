import { deviceEventJobId, JobName, QueueName } from '@eldercare/contracts';
import { SimulatedDevice } from '@eldercare/devices';
import { openQueue, type JobQueue } from '@eldercare/job-bus';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import { deviceTopic, type DeviceType } from '@eldercare/protocol';
import { createTestDatabase, expectEventually, testEnvironment, type TestDatabase } from '@eldercare/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestBroker, type BrokerMode, type TestBroker } from '@eldercare/test/broker/test-broker';
import { startTestGateway, testGatewayOptions } from '@eldercare/test/gateway/test-gateway';

/** A well-formed sos padded with spaces to exactly `bytes` bytes. */
const sosOfLength = (bytes: number) => {
  const body = '{"msgId":"b3","kind":"sos"}';
  return body.slice(0, -1) + ' '.repeat(bytes - body.length) + '}';
};

describe.each<BrokerMode>(['mosquitto', 'embedded'])('gateway with the %s broker', (mode) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;
  let gateway: INestApplicationContext;
  let events: JobQueue<'device-events'>;
  let alarms: JobQueue<'device-alarms'>;
  const devices: SimulatedDevice[] = [];

  async function connectDevice(id: string, type: DeviceType): Promise<SimulatedDevice> {
    const [credentials] = await broker.registerDevices([{ id, type, elderId: null }]);
    const device = await SimulatedDevice.connect({
      url: broker.url,
      deviceId: id,
      type,
      secret: credentials.secret,
      reconnectPeriodMs: 0,
    });
    devices.push(device);
    return device;
  }

  const storedRows = (deviceId: string, msgId: string) =>
    dataSource.query('SELECT id, kind FROM device_messages WHERE device_id = $1 AND msg_id = $2', [deviceId, msgId]);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    broker = await startTestBroker(mode, new DeviceRepository(dataSource));
    const queuePrefix = `test-${randomBytes(4).toString('hex')}`;
    gateway = await startTestGateway(database.url, testGatewayOptions(broker, queuePrefix));
    events = openQueue(QueueName.DeviceEvents, { redis: { url: testEnvironment.redisUrl }, queuePrefix });
    alarms = openQueue(QueueName.DeviceAlarms, { redis: { url: testEnvironment.redisUrl }, queuePrefix });
  });

  afterAll(async () => {
    await Promise.all(devices.map((device) => device.close()));
    await gateway?.close();
    await Promise.all([events?.obliterate({ force: true }), alarms?.obliterate({ force: true })]);
    await Promise.all([events?.close(), alarms?.close()]);
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('stores a press once, queues it once on the alarm lane and answers it with received', async () => {
    const button = await connectDevice('btn-press-1', 'call_button');
    const sos = await button.send({ kind: 'sos' });

    const ack = await button.nextDownlink((downlink) => downlink.kind === 'ack' && downlink.ref === sos.msgId);
    expect(ack).toMatchObject({ kind: 'ack', state: 'received' });
    const rows = await storedRows(button.deviceId, sos.msgId);
    expect(rows).toEqual([{ id: expect.any(String), kind: 'sos' }]);
    const job = await alarms.getJob(deviceEventJobId({ deviceId: button.deviceId, uplink: sos }));
    expect(job?.data).toMatchObject({
      eventId: rows[0].id,
      deviceId: button.deviceId,
      deviceType: 'call_button',
      uplink: { msgId: sos.msgId, kind: 'sos' },
    });
  });

  it('stores and queues a press sent three times with the same msgId once, and acknowledges each copy', async () => {
    const button = await connectDevice('btn-retry-1', 'call_button');
    const sos = await button.send({ kind: 'sos' });
    await button.publish(sos);
    await button.publish(sos);

    await expectEventually(() =>
      expect(button.downlinks.filter((d) => d.kind === 'ack' && d.ref === sos.msgId)).toHaveLength(3),
    );
    const rows = await storedRows(button.deviceId, sos.msgId);
    expect(rows).toHaveLength(1);
    const jobs = await alarms.getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(
      jobs.filter((job) => job.data.deviceId === button.deviceId && job.data.uplink.msgId === sos.msgId),
    ).toHaveLength(1);
  });

  it.each<[string, string | Buffer, string, string | undefined]>([
    ['not JSON', '{"msgId":"b1","kind":', 'not-json', undefined],
    ['an array', '[{"msgId":"b2","kind":"sos"}]', 'not-an-object', undefined],
    ['4097 bytes', sosOfLength(4097), 'too-large', undefined],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'not-utf8', undefined],
    ['a __proto__ key', '{"msgId":"b5","kind":"sos","__proto__":{"admin":true}}', 'invalid-fields', 'b5'],
    ['NaN', '{"msgId":"b6","kind":"heartbeat","battery":NaN}', 'not-json', undefined],
    ['1e400', '{"msgId":"b7","kind":"heartbeat","battery":1e400}', 'invalid-fields', 'b7'],
    ['deep nesting', `{"msgId":"b8","kind":"sos","x":${'['.repeat(1500)}${']'.repeat(1500)}}`, 'invalid-fields', 'b8'],
    ['a wrong type', '{"msgId":"b9","kind":"heartbeat","battery":"full"}', 'invalid-fields', 'b9'],
    [
      'a kind the device type may not send',
      '{"msgId":"b10","kind":"water","totalLiters":12}',
      'kind-not-allowed',
      'b10',
    ],
    ['an unknown kind', '{"msgId":"b11","kind":"selfdestruct"}', 'unknown-kind', 'b11'],
    ['a missing msgId', '{"kind":"sos"}', 'invalid-envelope', undefined],
  ])('refuses %s with a recorded reason and a rejected downlink', async (name, payload, code, ref) => {
    const id = `btn-bad-${name.replace(/[^a-z0-9]+/gi, '-')}`.slice(0, 64);
    const button = await connectDevice(id, 'call_button');
    await button.publishRaw(payload);

    const rejected = await button.nextDownlink((downlink) => downlink.kind === 'rejected');
    expect(rejected).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(new RegExp(`^${code}: `)) });
    expect((rejected as { ref?: string }).ref).toBe(ref);
    const recorded = await dataSource.query(
      'SELECT code, topic, payload_bytes FROM rejected_messages WHERE device_id = $1',
      [id],
    );
    expect(recorded).toEqual([{ code, topic: deviceTopic(id, 'up'), payload_bytes: Buffer.byteLength(payload) }]);
    expect(await dataSource.query('SELECT 1 FROM device_messages WHERE device_id = $1', [id])).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('admin');
  });

  it('stores an sos published on the alarm topic once, on the alarm lane, and answers it with received', async () => {
    const button = await connectDevice('btn-alarm-1', 'call_button');
    await button.publishRaw('{"msgId":"al1","kind":"sos"}', { topic: deviceTopic(button.deviceId, 'alarm') });

    const ack = await button.nextDownlink((downlink) => downlink.kind === 'ack' && downlink.ref === 'al1');
    expect(ack).toMatchObject({ kind: 'ack', state: 'received' });
    const rows = await storedRows(button.deviceId, 'al1');
    expect(rows).toEqual([{ id: expect.any(String), kind: 'sos' }]);
    const uplink = { msgId: 'al1', kind: 'sos' as const };
    expect((await alarms.getJob(deviceEventJobId({ deviceId: button.deviceId, uplink })))?.data).toMatchObject({
      eventId: rows[0].id,
      uplink,
    });
    expect(await events.getJob(deviceEventJobId({ deviceId: button.deviceId, uplink }))).toBeUndefined();
  });

  it.each([
    ['a heartbeat', '{"msgId":"na1","kind":"heartbeat","battery":80}', 'not-an-alarm'],
    ['a kind the device type may not send', '{"msgId":"na2","kind":"fall"}', 'kind-not-allowed'],
  ])('refuses %s on the alarm topic with a recorded reason and a rejected downlink', async (name, payload, code) => {
    const id = `btn-na-${name.replace(/[^a-z0-9]+/gi, '-')}`.slice(0, 64);
    const button = await connectDevice(id, 'call_button');
    await button.publishRaw(payload, { topic: deviceTopic(id, 'alarm') });

    const rejected = await button.nextDownlink((downlink) => downlink.kind === 'rejected');
    expect(rejected).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(new RegExp(`^${code}: `)) });
    const recorded = await dataSource.query('SELECT code, topic FROM rejected_messages WHERE device_id = $1', [id]);
    expect(recorded).toEqual([{ code, topic: deviceTopic(id, 'alarm') }]);
    expect(await dataSource.query('SELECT 1 FROM device_messages WHERE device_id = $1', [id])).toEqual([]);
  });

  it('accepts a message of exactly 4096 bytes', async () => {
    const button = await connectDevice('btn-4096-1', 'call_button');
    await button.publishRaw(sosOfLength(4096));
    await button.nextDownlink((downlink) => downlink.kind === 'ack' && downlink.ref === 'b3');
    expect(await storedRows(button.deviceId, 'b3')).toHaveLength(1);
  });

  it('keeps serving after bad input: a valid message right after a refused one is stored', async () => {
    const meter = await connectDevice('wm-after-bad-1', 'water_meter');
    await meter.publishRaw('garbage');
    const reading = await meter.send({ kind: 'water', totalLiters: 1523.5, flowLpm: 0 });
    await expectEventually(async () => expect(await storedRows(meter.deviceId, reading.msgId)).toHaveLength(1));
  });

  it('records battery and liveness, and marks a device offline when its last will arrives', async () => {
    const watch = await connectDevice('watch-live-1', 'wearable');
    await watch.send({ kind: 'heartbeat', battery: 42 });
    const row = () =>
      dataSource
        .query('SELECT online, battery, last_seen_at FROM devices WHERE id = $1', [watch.deviceId])
        .then((rows) => rows[0]);
    await expectEventually(async () =>
      expect(await row()).toMatchObject({ online: true, battery: 42, last_seen_at: expect.any(Date) }),
    );

    await watch.kill();
    await expectEventually(async () => expect(await row()).toMatchObject({ online: false }));
    await expectEventually(async () => {
      const jobs = await events.getJobs(['waiting']);
      const statuses = jobs
        .filter((job) => job.name === JobName.ProcessDeviceStatus)
        .map((job) => job.data)
        .filter((status) => status.deviceId === watch.deviceId)
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
      expect(statuses.map((status) => status.online)).toEqual([true, false]);
    });
  });
});
