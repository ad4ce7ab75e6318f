import { ruleTimerJobId } from '@eldercare/contracts';
import {
  distanceMeters,
  offsetByMeters,
  playTimeline,
  SCENARIOS,
  SimulatedDevice,
  ZHONGSHAN_CITY_CENTRE,
  type TimelineEntry,
} from '@eldercare/devices';
import { localHour, type TimerKind } from '@eldercare/domain';
import type { LocationUplink, Uplink, WaterUplink } from '@eldercare/protocol';
import { createTestElder, expectEventually } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

const HOME = ZHONGSHAN_CITY_CENTRE;
const SAFE_ZONE = { lat: HOME.lat, lon: HOME.lon, radiusM: 150 };
const WHOLE_DAY = { fromHour: 0, toHour: 24 };

/**
 * The scenario's uplinks in order, their device times squeezed into the `spanMs` just before now: hours of a story
 * pass in a blink, so the elder's shortened thresholds apply, and explicit `ts` keeps the order whichever gateway
 * connection each uplink reaches.
 */
function squeezed(timeline: readonly TimelineEntry[], spanMs = 500): TimelineEntry[] {
  const first = timeline[0].atMs;
  const length = Math.max(1, timeline[timeline.length - 1].atMs - first);
  const end = Date.now();
  return timeline.map((entry) => {
    const atMs = end - spanMs + Math.round(((entry.atMs - first) * spanMs) / length);
    return { ...entry, atMs, uplink: { ...entry.uplink, ts: atMs } };
  });
}

/** Sends the whole timeline at once, each uplink with its own `ts`. */
const play = (timeline: readonly TimelineEntry[], device: SimulatedDevice) =>
  playTimeline(timeline, [device], { speed: Infinity, timestamps: 'simulated' });

const lastOf = (timeline: readonly TimelineEntry[]): Uplink => timeline[timeline.length - 1].uplink;

function waterOf(uplink: Uplink): WaterUplink {
  if (uplink.kind !== 'water') throw new Error(`expected a water reading, got ${uplink.kind}`);
  return uplink;
}

function locationOf(uplink: Uplink): LocationUplink {
  if (uplink.kind !== 'location') throw new Error(`expected a location, got ${uplink.kind}`);
  return uplink;
}

describe('scenarios end to end, from simulated devices through the broker, gateway, Redis and Postgres', () => {
  let harness: PlatformUnderTest;
  const deviceOfNewElder: PlatformUnderTest['deviceOfNewElder'] = (...args) => harness.deviceOfNewElder(...args);
  const alertsOf = (elderId: string) => harness.alertsOf(elderId);
  const firstAlertsOf = (elderId: string) => harness.firstAlertsOf(elderId);
  const ruleStateOf = (deviceId: string) => harness.ruleStateOf(deviceId);
  const processedUpTo = (device: SimulatedDevice, uplink: Uplink) => harness.processedUpTo(device, uplink);

  const triggerKeysOf = async (alertId: string): Promise<string[]> =>
    (
      await harness.dataSource.query(
        'SELECT trigger_key FROM alert_triggers WHERE alert_id = $1 ORDER BY occurred_at',
        [alertId],
      )
    ).map((row: { trigger_key: string }) => row.trigger_key);

  /** Waits until the rule state keeps the timer at `dueAt` and its delayed job waits in Redis. */
  async function timerPending(deviceId: string, kind: TimerKind, dueAt: number): Promise<void> {
    await expectEventually(async () => {
      expect((await ruleStateOf(deviceId)).timers[kind]).toBe(dueAt);
      expect(await harness.timers.getJob(ruleTimerJobId(deviceId, kind, dueAt))).toBeDefined();
    });
  }

  /** Waits until the timer due at `dueAt` can raise nothing any more: its time has passed, its job is gone and the state does not keep it. */
  async function timerLapsed(deviceId: string, kind: TimerKind, dueAt: number): Promise<void> {
    await expectEventually(
      async () => {
        expect(Date.now()).toBeGreaterThan(dueAt);
        expect(await harness.timers.getJob(ruleTimerJobId(deviceId, kind, dueAt))).toBeUndefined();
        expect((await ruleStateOf(deviceId)).timers[kind]).toBeUndefined();
      },
      { timeoutMs: Math.max(0, dueAt - Date.now()) + 10_000, intervalMs: 50 },
    );
  }

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  describe('a tap left running', () => {
    it('raises one urgent water-running alert from its timer while the flow goes on, and nothing more when the tap is turned off', async () => {
      const afterMinutes = 0.04;
      const { device, elderId } = await deviceOfNewElder('water_meter', { waterRunning: { afterMinutes } });
      const timeline = SCENARIOS['tap-running'].timeline({ startMs: Date.now(), deviceId: device.deviceId });
      const flowing = squeezed(timeline.slice(0, -1));
      const stop = waterOf(lastOf(timeline));
      expect(flowing.map((entry) => waterOf(entry.uplink).flowLpm)).not.toContain(0);
      expect(stop.flowLpm).toBe(0);

      await play(flowing, device);

      const [alert] = await firstAlertsOf(elderId);
      const runningSince = flowing[0].atMs;
      expect(alert).toMatchObject({ rule: 'water-running', severity: 'urgent', status: 'raised', trigger_count: 1 });
      expect(alert.evidence).toMatchObject({ runningSince, flowLpm: waterOf(flowing[0].uplink).flowLpm });
      expect(await triggerKeysOf(alert.id)).toEqual([
        `timer:${device.deviceId}:water-running:${runningSince + afterMinutes * 60_000}`,
      ]);

      const turnedOff = { ...stop, ts: Date.now() };
      await device.publish(turnedOff);
      await processedUpTo(device, turnedOff);
      const state = await ruleStateOf(device.deviceId);
      expect(state.water?.runningSince).toBeNull();
      expect(state.timers['water-running']).toBeUndefined();
      expect(await alertsOf(elderId)).toEqual([
        expect.objectContaining({ rule: 'water-running', severity: 'urgent', status: 'raised', trigger_count: 1 }),
      ]);
    });
  });

  describe('a day without water', () => {
    it('raises one check-on alert when the register stays flat, and the quiet readings after it add nothing', async () => {
      const { device, elderId } = await deviceOfNewElder('water_meter', {
        noWater: { afterHours: 0.0005, wakingHours: WHOLE_DAY },
      });
      const day = squeezed(SCENARIOS['no-water-day'].timeline({ startMs: Date.now(), deviceId: device.deviceId }));
      const registers = new Set(
        day.filter((entry) => entry.uplink.kind === 'water').map((entry) => waterOf(entry.uplink).totalLiters),
      );
      expect(registers.size).toBe(1);

      await play(day, device);

      const [alert] = await firstAlertsOf(elderId);
      expect(alert).toMatchObject({ rule: 'no-water', severity: 'check-on', status: 'raised', trigger_count: 1 });
      expect(alert.evidence).toMatchObject({ lastUseAt: null, quietSince: day[0].atMs });
      expect(await triggerKeysOf(alert.id)).toEqual([
        `timer:${device.deviceId}:no-water:${day[0].atMs + 0.0005 * 3_600_000}`,
      ]);

      await processedUpTo(device, lastOf(day));
      expect((await ruleStateOf(device.deviceId)).timers['no-water']).toBeUndefined();
      expect(await alertsOf(elderId)).toEqual([
        expect.objectContaining({ rule: 'no-water', severity: 'check-on', status: 'raised', trigger_count: 1 }),
      ]);
    });
  });

  describe('a walk out of the safe zone', () => {
    const settings = { safeZone: { zone: SAFE_ZONE, afterMinutes: 0.05 } };

    it('raises one urgent left-safe-zone alert with the last position when the elder stays outside', async () => {
      const { device, elderId } = await deviceOfNewElder('wearable', settings);
      const walk = squeezed(
        SCENARIOS['left-safe-zone'].timeline({ startMs: Date.now(), deviceId: device.deviceId, home: HOME }),
      );
      const firstOutside = walk.find((entry) => distanceMeters(HOME, locationOf(entry.uplink)) > SAFE_ZONE.radiusM);
      const last = walk[walk.length - 1];
      expect(firstOutside).toBeDefined();

      await play(walk, device);

      const [alert] = await firstAlertsOf(elderId);
      const { lat, lon, accuracyM } = locationOf(last.uplink);
      expect(alert).toMatchObject({ rule: 'left-safe-zone', severity: 'urgent', status: 'raised', trigger_count: 1 });
      expect(alert.evidence).toMatchObject({
        outsideSince: firstOutside?.atMs,
        lastPosition: { lat, lon, accuracyM, at: last.atMs },
        zone: SAFE_ZONE,
      });
      expect(alert.evidence.distanceM).toBe(Math.round(distanceMeters(HOME, { lat, lon })));

      await processedUpTo(device, last.uplink);
      expect(await alertsOf(elderId)).toEqual([
        expect.objectContaining({ rule: 'left-safe-zone', severity: 'urgent', status: 'raised', trigger_count: 1 }),
      ]);
    });

    it('raises nothing when the elder comes back inside before the time', async () => {
      const { device, elderId } = await deviceOfNewElder('wearable', settings);
      const start = Date.now();
      const out = [0, 300, 600].map((northM) => offsetByMeters(HOME, northM, 0));
      for (const [index, point] of out.entries())
        await device.send({ kind: 'location', lat: point.lat, lon: point.lon, accuracyM: 8, ts: start + index * 10 });
      const dueAt = start + 10 + 0.05 * 60_000;
      await timerPending(device.deviceId, 'outside-zone', dueAt);

      const back = offsetByMeters(HOME, 50, 0);
      const inside = await device.send({
        kind: 'location',
        lat: back.lat,
        lon: back.lon,
        accuracyM: 8,
        ts: Date.now(),
      });
      await processedUpTo(device, inside);
      await timerLapsed(device.deviceId, 'outside-zone', dueAt);

      expect((await ruleStateOf(device.deviceId)).zone.outsideSince).toBeNull();
      expect(await alertsOf(elderId)).toEqual([]);
    });
  });

  describe('a watch taken off', () => {
    const afterDaytimeHours = 0.00075;
    const settings = { notWorn: { afterDaytimeHours, daytime: WHOLE_DAY } };

    it('raises one not-worn notice when the watch stays off', async () => {
      const { device, elderId } = await deviceOfNewElder('wearable', settings);
      const off = await device.send({ kind: 'worn', worn: false, ts: Date.now() });
      const offSince = off.ts ?? 0;

      const [alert] = await firstAlertsOf(elderId);
      expect(alert).toMatchObject({ rule: 'not-worn', severity: 'notice', status: 'raised', trigger_count: 1 });
      expect(alert.evidence).toMatchObject({ offSince, countedSince: offSince });
      expect(await triggerKeysOf(alert.id)).toEqual([
        `timer:${device.deviceId}:not-worn:${offSince + afterDaytimeHours * 3_600_000}`,
      ]);
      await processedUpTo(device, off);
      expect(await alertsOf(elderId)).toEqual([
        expect.objectContaining({ rule: 'not-worn', severity: 'notice', status: 'raised', trigger_count: 1 }),
      ]);
    });

    it('raises nothing when the watch is put back on before the time', async () => {
      const { device, elderId } = await deviceOfNewElder('wearable', settings);
      const off = await device.send({ kind: 'worn', worn: false, ts: Date.now() });
      const dueAt = (off.ts ?? 0) + afterDaytimeHours * 3_600_000;
      await timerPending(device.deviceId, 'not-worn', dueAt);

      const on = await device.send({ kind: 'worn', worn: true, ts: Date.now() });
      await processedUpTo(device, on);
      await timerLapsed(device.deviceId, 'not-worn', dueAt);

      expect((await ruleStateOf(device.deviceId)).worn.offSince).toBeNull();
      expect(await alertsOf(elderId)).toEqual([]);
    });
  });

  describe('a care bed at night', () => {
    const returnWithinMinutes = 0.05;
    // A one-hour day twelve hours from now, so that now is night in the elder's settings whatever the clock says.
    const dayHours = localHour(Date.now()) < 12 ? { fromHour: 20, toHour: 21 } : { fromHour: 4, toHour: 5 };
    const settings = { bed: { dayHours, returnWithinMinutes } };

    it('raises one urgent bed-no-return alert when the elder gets up and does not come back', async () => {
      const { device, elderId } = await deviceOfNewElder('bed_mat', settings);
      const timeline = squeezed(
        SCENARIOS['bed-no-return'].timeline({ startMs: Date.now(), deviceId: device.deviceId }),
        2000,
      );
      const up = timeline.find((entry) => entry.uplink.kind === 'bed' && !entry.uplink.inBed)!;

      await play(timeline, device);

      const [alert] = await firstAlertsOf(elderId);
      expect(alert).toMatchObject({ rule: 'bed-no-return', severity: 'urgent', status: 'raised', trigger_count: 1 });
      expect(alert.evidence).toMatchObject({ outSince: up.atMs, returnWithinMinutes });
      expect(await triggerKeysOf(alert.id)).toEqual([
        `timer:${device.deviceId}:bed-no-return:${up.atMs + returnWithinMinutes * 60_000}`,
      ]);
    });

    it('raises nothing for a sleeping elder back from a short trip to the toilet', async () => {
      const { device, elderId } = await deviceOfNewElder('bed_mat', settings);
      const timeline = squeezed(SCENARIOS.asleep.timeline({ startMs: Date.now(), deviceId: device.deviceId }), 2000);
      const up = timeline.find((entry) => entry.uplink.kind === 'bed' && !entry.uplink.inBed)!;
      const dueAt = up.atMs + returnWithinMinutes * 60_000;

      await play(timeline, device);
      await processedUpTo(device, lastOf(timeline));
      await timerLapsed(device.deviceId, 'bed-no-return', dueAt);

      expect((await ruleStateOf(device.deviceId)).bed).toMatchObject({ inBed: true, outSince: null });
      expect(await alertsOf(elderId)).toEqual([]);
    });
  });

  describe('an elder marked away', () => {
    it('keeps a silent device quiet for the absence, yet raises a critical alert for an sos during it', async () => {
      const silentAfterMs = 1.5 * 1000;
      const { device, elderId } = await deviceOfNewElder('call_button', {
        deviceSilent: { heartbeatFactor: 1.5, heartbeatSec: { call_button: 1 } },
      });
      const endsAt = new Date(Date.now() + 3_600_000);
      await harness.dataSource.query(
        `INSERT INTO elder_absences (elder_id, reason, starts_at, ends_at, recorded_by) VALUES ($1, 'away', $2, $3, 'family')`,
        [elderId, new Date(Date.now() - 60_000), endsAt],
      );
      const afterAbsence = endsAt.getTime() + silentAfterMs;

      /** The silence came due during the absence and was put off until after it, without an alert. */
      const silencePutOff = async (heardAt: number) =>
        expectEventually(async () => {
          const state = await ruleStateOf(device.deviceId);
          expect(state.lastHeardAt).toBe(heardAt);
          expect(state.timers['device-silent']).toBe(afterAbsence);
          expect(
            await harness.timers.getJob(ruleTimerJobId(device.deviceId, 'device-silent', heardAt + silentAfterMs)),
          ).toBeUndefined();
          expect(
            await harness.timers.getJob(ruleTimerJobId(device.deviceId, 'device-silent', afterAbsence)),
          ).toBeDefined();
        });

      const heartbeat = await device.send({ kind: 'heartbeat', battery: 90 });
      await processedUpTo(device, heartbeat);
      await silencePutOff((await ruleStateOf(device.deviceId)).lastHeardAt ?? 0);
      expect(await alertsOf(elderId)).toEqual([]);

      const press = await device.send({ kind: 'sos' });
      const [alert] = await firstAlertsOf(elderId);
      expect(alert).toMatchObject({ rule: 'sos', severity: 'critical', status: 'raised', trigger_count: 1 });
      const [row] = await harness.dataSource.query('SELECT source_msg_id FROM alerts WHERE id = $1', [alert.id]);
      expect(row.source_msg_id).toBe(press.msgId);

      await processedUpTo(device, press);
      await silencePutOff((await ruleStateOf(device.deviceId)).lastHeardAt ?? 0);
      expect(await alertsOf(elderId)).toEqual([
        expect.objectContaining({ rule: 'sos', severity: 'critical', status: 'raised', trigger_count: 1 }),
      ]);
    });
  });

  describe('a device dropping off', () => {
    it('raises device-silent at once on its last will, long before its silence timer', async () => {
      const scenario = SCENARIOS['device-silent'];
      expect(scenario.ending).toBe('drop');
      const { device, elderId } = await deviceOfNewElder(scenario.deviceType);
      const heartbeats = squeezed(scenario.timeline({ startMs: Date.now(), deviceId: device.deviceId }));
      await play(heartbeats, device);
      await processedUpTo(device, lastOf(heartbeats));
      const before = await ruleStateOf(device.deviceId);
      const silenceDueAt = before.timers['device-silent'] ?? 0;
      expect(silenceDueAt).toBeGreaterThan(Date.now() + 30 * 60_000);
      expect(await alertsOf(elderId)).toEqual([]);

      await device.kill();

      const [alert] = await firstAlertsOf(elderId);
      expect(alert).toMatchObject({
        rule: 'device-silent',
        severity: 'maintenance',
        status: 'raised',
        trigger_count: 1,
      });
      expect(alert.evidence).toEqual({ reason: 'last-will', lastHeardAt: before.lastHeardAt });
      await expectEventually(async () => {
        expect((await ruleStateOf(device.deviceId)).timers['device-silent']).toBeUndefined();
        expect(
          await harness.timers.getJob(ruleTimerJobId(device.deviceId, 'device-silent', silenceDueAt)),
        ).toBeUndefined();
      });
      expect(await alertsOf(elderId)).toEqual([
        expect.objectContaining({ rule: 'device-silent', severity: 'maintenance', trigger_count: 1 }),
      ]);
    });

    it('resolves the silence its last will raised when the device logs in again, and announces it', async () => {
      const elderId = await createTestElder(harness.dataSource);
      const deviceId = `btn-back-${randomBytes(3).toString('hex')}`;
      const [{ secret }] = await harness.broker.registerDevices([{ id: deviceId, type: 'call_button', elderId }]);
      const login = () =>
        SimulatedDevice.connect({
          url: harness.broker.url,
          deviceId,
          type: 'call_button',
          secret,
          reconnectPeriodMs: 0,
        });
      const first = await login();
      await processedUpTo(first, await first.send({ kind: 'heartbeat', battery: 80 }));

      await first.kill();
      const [silence] = await firstAlertsOf(elderId);
      expect(silence).toMatchObject({ rule: 'device-silent', status: 'raised' });
      const back = await login();

      await expectEventually(async () =>
        expect(
          await harness.dataSource.query('SELECT id, status, outcome FROM alerts WHERE elder_id = $1', [elderId]),
        ).toEqual([{ id: silence.id, status: 'resolved', outcome: 'device-back-online' }]),
      );
      await expectEventually(async () => {
        const announced = await harness.dispatch.getJobs(['waiting', 'active', 'completed', 'delayed']);
        expect(announced.map((job) => job.data)).toContainEqual({ alertId: silence.id, change: 'resolved' });
      });
      await back.close();
    });
  });
});
