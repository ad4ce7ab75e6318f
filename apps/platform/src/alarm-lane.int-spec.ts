import { JobName, QueueName } from '@eldercare/contracts';
import { SimulatedDevice } from '@eldercare/devices';
import { obliterateEveryQueue, openQueue, type JobQueue } from '@eldercare/job-bus';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import type { Uplink } from '@eldercare/protocol';
import {
  createTestDatabase,
  createTestElder,
  eventually,
  expectEventually,
  testEnvironment,
  type TestDatabase,
} from '@eldercare/testing';
import { startTestBroker, type TestBroker } from '@eldercare/test/broker/test-broker';
import { testGatewayOptions } from '@eldercare/test/gateway/test-gateway';
import { startPlatformApp } from '@eldercare/test/platform/platform-app';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Readings of the flooding meter, and of each of two quieter ones, queued ahead of the sos. */
const FLOOD = 300;
const TRICKLE = 50;

describe.each(['alarm', 'up'] as const)('alarms sent on %s, behind a backlog of readings', (alarmTopic) => {
  let harness: PlatformUnderTest;
  let events: JobQueue<'device-events'>;

  /** Readings in jobs of `device-events` not taken by the worker yet. */
  const queuedReadings = async () =>
    (await events.getJobs(['waiting', 'delayed', 'prioritized'])).reduce(
      (count, job) => count + (job.name === JobName.ProcessDeviceReadings ? job.data.readings.length : 1),
      0,
    );
  const stored = async (deviceId: string): Promise<number> =>
    (
      await harness.dataSource.query('SELECT count(*)::int AS n FROM device_messages WHERE device_id = $1', [deviceId])
    )[0].n;
  const applied = async (deviceIds: string[]): Promise<number> =>
    (
      await harness.dataSource.query(
        "SELECT count(*)::int AS n FROM device_rule_states WHERE device_id = ANY($1) AND state ? 'lastApplied'",
        [deviceIds],
      )
    )[0].n;

  /** Publishes `count` readings from `meter` and waits until the gateway has stored every one. */
  async function readingsFrom(meter: SimulatedDevice, count: number): Promise<Uplink> {
    let last: Uplink | undefined;
    for (let index = 0; index < count; index++)
      last = await meter.send({ kind: 'water', totalLiters: 1_000 + index, flowLpm: 0 });
    await expectEventually(async () => expect(await stored(meter.deviceId)).toBe(count), { timeoutMs: 20_000 });
    return last!;
  }

  beforeAll(async () => {
    // Alarms in their own thread, as `npm start` runs them.
    harness = await PlatformUnderTest.start('thread');
    events = openQueue(QueueName.DeviceEvents, {
      redis: { url: testEnvironment.redisUrl },
      queuePrefix: harness.queuePrefix,
    });
  });

  afterEach(async () => {
    await events.resume();
  });

  afterAll(async () => {
    await events?.close();
    await harness?.stop();
  });

  it("raises another device's sos while a flood of readings waits, before any of them is applied", async () => {
    // The worker takes no reading while `device-events` is paused: the backlog stays ahead of the sos for as long as
    // the test needs, without a clock.
    await events.pause();
    const meters = await Promise.all([
      harness.deviceOfNewElder('water_meter'),
      harness.deviceOfNewElder('water_meter'),
      harness.deviceOfNewElder('water_meter'),
    ]);
    const [flood, ...trickles] = meters.map(({ device }) => device);
    const lastReadings = await Promise.all([
      readingsFrom(flood, FLOOD),
      ...trickles.map((meter) => readingsFrom(meter, TRICKLE)),
    ]);
    expect(await queuedReadings()).toBeGreaterThanOrEqual(FLOOD + 2 * TRICKLE);

    const { device: button, elderId } = await harness.deviceOfNewElder('call_button', {}, { alarmTopic });
    const press = await button.send({ kind: 'sos' });

    const [alert] = await harness.firstAlertsOf(elderId);
    expect(alert).toMatchObject({ rule: 'sos', severity: 'critical', trigger_count: 1 });
    await button.nextDownlink((downlink) => downlink.kind === 'ack' && downlink.ref === press.msgId);
    // Raised, and not one of the readings queued before it has reached the rules.
    const meterIds = meters.map(({ device }) => device.deviceId);
    expect(await applied(meterIds)).toBe(0);
    expect(await queuedReadings()).toBeGreaterThanOrEqual(FLOOD + 2 * TRICKLE);

    await events.resume();
    await Promise.all(meters.map(({ device }, index) => harness.processedUpTo(device, lastReadings[index])));
    expect(await applied(meterIds)).toBe(meters.length);
  }, 60_000);

  it("raises a watch's fall ahead of its own queued readings, and applies those readings first, in device time", async () => {
    await events.pause();
    const { device: watch, elderId } = await harness.deviceOfNewElder('wearable', {}, { alarmTopic });
    const start = Date.now() - 60_000;
    // Three readings out of range in a row make a vitals alert; they come before the fall in device time.
    for (let index = 0; index < 3; index++)
      await watch.send({ kind: 'vitals', heartRate: 150, ts: start + index * 1_000 });
    await expectEventually(async () => expect(await stored(watch.deviceId)).toBe(3));
    const fall = await watch.send({ kind: 'fall', confidence: 0.9, ts: start + 10_000 });

    const alerts = await eventually(async () => {
      const rows = await harness.alertsOf(elderId);
      return rows.some((row) => row.rule === 'fall') ? rows : undefined;
    });
    // The fall's pass caught up the watch's stored readings, in device time, up to and including the fall.
    const byRule = (rows: { rule: string; trigger_count: number }[]) =>
      rows.map((row) => [row.rule, row.trigger_count]).sort();
    expect(byRule(alerts)).toEqual([
      ['fall', 1],
      ['vitals', 1],
    ]);
    expect((await harness.ruleStateOf(watch.deviceId)).lastApplied).toMatchObject({ occurredAt: start + 10_000 });
    expect(await queuedReadings()).toBeGreaterThanOrEqual(3);

    // Their own jobs, taken later, find them applied and change nothing.
    await events.resume();
    await harness.processedUpTo(watch, fall);
    await expectEventually(async () => expect(await queuedReadings()).toBe(0));
    expect(byRule(await harness.alertsOf(elderId))).toEqual([
      ['fall', 1],
      ['vitals', 1],
    ]);
  });
});

describe('an sos the broker lost', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;
  let queuePrefix: string;
  let platform: INestApplication | undefined;
  const devices: SimulatedDevice[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
    queuePrefix = `lost-${randomBytes(4).toString('hex')}`;
  });

  afterAll(async () => {
    await Promise.all(devices.map((device) => device.close()));
    await platform?.close();
    await obliterateEveryQueue({ redis: { url: testEnvironment.redisUrl }, queuePrefix });
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  async function buttonOfNewElder(alarmRepeatMs: number): Promise<{ button: SimulatedDevice; elderId: string }> {
    const elderId = await createTestElder(dataSource);
    const id = `btn-lost-${randomBytes(3).toString('hex')}`;
    const [{ secret }] = await broker.registerDevices([{ id, type: 'call_button', elderId }]);
    const button = await SimulatedDevice.connect({
      url: broker.url,
      deviceId: id,
      type: 'call_button',
      secret,
      reconnectPeriodMs: 0,
      alarmRepeatMs,
    });
    devices.push(button);
    return { button, elderId };
  }

  const alertsOf = (elderId: string): Promise<{ rule: string; trigger_count: number }[]> =>
    dataSource.query('SELECT rule, trigger_count FROM alerts WHERE elder_id = $1', [elderId]);
  const storedCopies = async (deviceId: string, msgId: string): Promise<number> =>
    (
      await dataSource.query('SELECT count(*)::int AS n FROM device_messages WHERE device_id = $1 AND msg_id = $2', [
        deviceId,
        msgId,
      ])
    )[0].n;

  it('is raised once from a repeat, while a press nobody repeats stays lost', async () => {
    const { button, elderId } = await buttonOfNewElder(200);
    const { button: silent, elderId: silentElderId } = await buttonOfNewElder(0);
    const repeats: Uplink[] = [];
    button.on('alarm-repeated', (uplink) => repeats.push(uplink));

    // No gateway has subscribed yet: the broker acknowledges both presses and delivers them to nobody.
    const press = await button.send({ kind: 'sos' });
    const lostPress = await silent.send({ kind: 'sos' });
    await eventually(async () => (repeats.length > 0 ? true : undefined));
    expect(button.unansweredAlarms).toEqual([press.msgId]);

    ({ app: platform } = await startPlatformApp(database.url, testGatewayOptions(broker, queuePrefix, 'gateway-lost')));

    const received = await button.nextDownlink(
      (downlink) => downlink.kind === 'ack' && downlink.ref === press.msgId,
      15_000,
    );
    expect(received).toMatchObject({ state: 'received' });
    await expectEventually(async () => expect(await alertsOf(elderId)).toEqual([{ rule: 'sos', trigger_count: 1 }]));
    expect(button.unansweredAlarms).toEqual([]);
    expect(repeats.every((uplink) => uplink.msgId === press.msgId)).toBe(true);

    // More copies of the same press (what a repeat is) raise nothing new.
    await button.publish(press);
    await button.publish(press);
    await expectEventually(() =>
      expect(button.downlinks.filter((d) => d.kind === 'ack' && d.ref === press.msgId).length).toBeGreaterThanOrEqual(
        3,
      ),
    );
    expect(await storedCopies(button.deviceId, press.msgId)).toBe(1);
    await expectEventually(async () => {
      const [state] = await dataSource.query('SELECT state FROM device_rule_states WHERE device_id = $1', [
        button.deviceId,
      ]);
      expect(state?.state.lastApplied).toBeDefined();
    });
    expect(await alertsOf(elderId)).toEqual([{ rule: 'sos', trigger_count: 1 }]);

    // The press nobody repeated never reached the platform: once a later message of that button is stored, it is not.
    const later = await silent.send({ kind: 'heartbeat', battery: 80 });
    await expectEventually(async () => expect(await storedCopies(silent.deviceId, later.msgId)).toBe(1));
    expect(await storedCopies(silent.deviceId, lostPress.msgId)).toBe(0);
    expect(await alertsOf(silentElderId)).toEqual([]);
  }, 60_000);
});
