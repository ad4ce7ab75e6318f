import { checkWaterBaselineJobId, JobName, type DeviceEventJob } from '@eldercare/contracts';
import { UnrecoverableError } from '@eldercare/job-bus';
import { IngestRepository } from '@eldercare/persistence';
import type { Uplink } from '@eldercare/protocol';
import { localHour } from '@eldercare/domain';
import { eventually, expectEventually } from '@eldercare/testing';
import { RuleEngineService } from './rules/rule-engine.service';
import { WaterBaselineScheduler } from './rules/water-baseline.scheduler';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

describe('rules worker, from simulated devices through the broker, gateway, Redis and Postgres', () => {
  let harness: PlatformUnderTest;
  const deviceOfNewElder: PlatformUnderTest['deviceOfNewElder'] = (...args) => harness.deviceOfNewElder(...args);
  const alertsOf = (elderId: string) => harness.alertsOf(elderId);
  const firstAlertOf = async (elderId: string, timeoutMs?: number) =>
    (await harness.firstAlertsOf(elderId, timeoutMs))[0];

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('raises one critical sos alert for a button press and announces it on the dispatch queue', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    const press = await device.send({ kind: 'sos' });

    const alert = await firstAlertOf(elderId);
    expect(alert).toMatchObject({ rule: 'sos', severity: 'critical', status: 'raised', trigger_count: 1 });
    const [row] = await harness.dataSource.query(
      'SELECT source_msg_id, device_time, received_at, stored_at, raised_at FROM alerts WHERE id = $1',
      [alert.id],
    );
    expect(row.source_msg_id).toBe(press.msgId);
    expect(row.raised_at.getTime()).toBeGreaterThanOrEqual(row.stored_at.getTime());
    await expectEventually(async () => {
      const jobs = await harness.dispatch.getJobs(['waiting', 'active', 'completed', 'delayed']);
      const announced = jobs.filter((job) => job.name === JobName.AnnounceAlert);
      expect(announced.filter((job) => job.data.alertId === alert.id && job.data.change === 'raised')).toHaveLength(1);
    });
  });

  it('leaves one alert when the same job is delivered twice', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    const press = await device.send({ kind: 'sos' });
    await firstAlertOf(elderId);

    const [stored] = await harness.dataSource.query(
      'SELECT id::text, occurred_at, received_at, stored_at FROM device_messages WHERE device_id = $1 AND msg_id = $2',
      [device.deviceId, press.msgId],
    );
    const redelivered: DeviceEventJob = {
      eventId: stored.id,
      deviceId: device.deviceId,
      deviceType: 'call_button',
      elderId,
      uplink: press,
      occurredAt: stored.occurred_at.toISOString(),
      receivedAt: stored.received_at.toISOString(),
      storedAt: stored.stored_at.toISOString(),
    };
    await harness.platform.get(RuleEngineService).handleEvent(redelivered);

    expect(await alertsOf(elderId)).toEqual([expect.objectContaining({ rule: 'sos', trigger_count: 1 })]);
  });

  it('merges repeated presses into the open alert, with a count', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    await device.send({ kind: 'sos' });
    await firstAlertOf(elderId);
    await device.send({ kind: 'sos' });
    await expectEventually(async () =>
      expect(await alertsOf(elderId)).toEqual([
        expect.objectContaining({ rule: 'sos', status: 'raised', trigger_count: 2 }),
      ]),
    );
  });

  it('marks a press cancelled within the window as cancelled by the elder, and keeps it', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    await device.send({ kind: 'sos' });
    await firstAlertOf(elderId);
    await device.send({ kind: 'cancel' });
    await expectEventually(async () =>
      expect(await alertsOf(elderId)).toEqual([expect.objectContaining({ rule: 'sos', status: 'cancelled-by-elder' })]),
    );
  });

  it('raises a fall only at or above the confidence threshold', async () => {
    const { device, elderId } = await deviceOfNewElder('wearable');
    await harness.processedUpTo(device, await device.send({ kind: 'fall', confidence: 0.5 }));
    expect(await alertsOf(elderId)).toEqual([]);

    await device.send({ kind: 'fall', confidence: 0.92, lat: 28.68, lon: 115.9 });
    const alert = await firstAlertOf(elderId);
    expect(alert).toMatchObject({ rule: 'fall', severity: 'critical' });
  });

  it('raises one urgent vitals alert after three high heart rates in a row (in device time), with the readings', async () => {
    const { device, elderId } = await deviceOfNewElder('wearable');
    // Readings a second apart by the watch's clock; they may reach the gateway over different connections.
    const start = Date.now() - 60_000;
    const readings = [130, 72, 131, 135];
    const sent = await Promise.all(
      readings.map((heartRate, index) => device.send({ kind: 'vitals', heartRate, ts: start + index * 1000 })),
    );
    for (const uplink of sent) await harness.processedUpTo(device, uplink);
    expect(await alertsOf(elderId)).toEqual([]);

    await device.send({ kind: 'vitals', heartRate: 140, ts: start + 4000 });
    const alert = await firstAlertOf(elderId);
    expect(alert).toMatchObject({ rule: 'vitals', severity: 'urgent' });
    expect(JSON.stringify(alert.evidence)).toContain('140');
  });

  it('treats a water register going backwards as a device fault, never as negative use', async () => {
    const { device, elderId } = await deviceOfNewElder('water_meter');
    await device.send({ kind: 'water', totalLiters: 1500, flowLpm: 0 });
    await device.send({ kind: 'water', totalLiters: 1200, flowLpm: 0 });
    const alert = await firstAlertOf(elderId);
    expect(alert).toMatchObject({ rule: 'water-register-backwards', severity: 'maintenance' });
  });

  it('raises low battery once, not on every heartbeat', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    let last: Uplink | undefined;
    for (const battery of [15, 14, 13]) last = await device.send({ kind: 'heartbeat', battery });
    await harness.processedUpTo(device, last!);
    expect(await alertsOf(elderId)).toEqual([
      expect.objectContaining({ rule: 'battery-low', severity: 'maintenance', trigger_count: 1 }),
    ]);
  });

  it('escalates a critical alert nobody acknowledged, on time with a shortened threshold', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button', {
      escalation: { critical: { reNotifyAfterSec: 1, supervisorsAfterSec: 2 } },
    });
    await device.send({ kind: 'sos' });
    const alert = await firstAlertOf(elderId);
    const escalated = await eventually(
      async () => {
        const jobs = await harness.dispatch.getJobs(['waiting', 'active', 'completed']);
        const steps = jobs
          .filter((job) => job.name === JobName.AnnounceAlert)
          .filter((job) => job.data.alertId === alert.id && job.data.change === 'escalated')
          .map((job) => job.data.step);
        return steps.length === 2 ? steps.sort() : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(escalated).toEqual(['re-notify', 'supervisors']);
  });

  it('raises bed-no-return from its timer when an elder gets off the mat at night and does not come back', async () => {
    // A one-hour day twelve hours from now, so that now is night in the elder's settings whatever the clock says.
    const hour = localHour(Date.now());
    const dayHours = hour < 12 ? { fromHour: 20, toHour: 21 } : { fromHour: 4, toHour: 5 };
    const { device, elderId } = await deviceOfNewElder('bed_mat', { bed: { dayHours, returnWithinMinutes: 0.05 } });
    const asleep = await device.send({ kind: 'bed', inBed: true, heartRate: 58, breathingRate: 14, ts: Date.now() });
    await harness.processedUpTo(device, asleep);
    const up = await device.send({ kind: 'bed', inBed: false, ts: Date.now() });

    const alert = await firstAlertOf(elderId, 15_000);
    expect(alert).toMatchObject({ rule: 'bed-no-return', severity: 'urgent', status: 'raised' });
    expect(alert.evidence).toMatchObject({ outSince: up.ts, returnWithinMinutes: 0.05 });
  });

  it('raises nothing when the elder lies down again before the minutes are up', async () => {
    const hour = localHour(Date.now());
    const dayHours = hour < 12 ? { fromHour: 20, toHour: 21 } : { fromHour: 4, toHour: 5 };
    const { device, elderId } = await deviceOfNewElder('bed_mat', { bed: { dayHours, returnWithinMinutes: 60 } });
    const start = Date.now();
    await device.send({ kind: 'bed', inBed: false, ts: start });
    const back = await device.send({ kind: 'bed', inBed: true, ts: start + 1000 });
    await harness.processedUpTo(device, back);

    expect((await harness.ruleStateOf(device.deviceId)).timers).not.toHaveProperty('bed-no-return');
    expect(await alertsOf(elderId)).toEqual([]);
  });

  it('raises device-silent from its timer when a device stops talking', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button', {
      deviceSilent: { heartbeatFactor: 1.5, heartbeatSec: { call_button: 1 } },
    });
    await device.send({ kind: 'heartbeat', battery: 90 });
    const alert = await firstAlertOf(elderId, 20_000);
    expect(alert).toMatchObject({ rule: 'device-silent', severity: 'maintenance' });
  });

  it('counts quiet time again from the return of an elder whose absence ended before the check', async () => {
    const afterMs = 3600;
    const { device, elderId } = await deviceOfNewElder('water_meter', {
      noWater: { afterHours: afterMs / 3_600_000, wakingHours: { fromHour: 0, toHour: 24 } },
    });
    const reading = await device.send({ kind: 'water', totalLiters: 1500, flowLpm: 0, ts: Date.now() });
    await harness.processedUpTo(device, reading);
    const back = reading.ts! + 1500;
    await harness.dataSource.query(
      "INSERT INTO elder_absences (elder_id, reason, starts_at, ends_at, recorded_by) VALUES ($1, 'hospital', $2, $3, 'test')",
      [elderId, new Date(reading.ts! + 500), new Date(back)],
    );

    // When the first check comes due the absence is over: the check moves to a full quiet spell after the return.
    await expectEventually(
      async () => expect((await harness.ruleStateOf(device.deviceId)).timers['no-water']).toBe(back + afterMs),
      { timeoutMs: 10_000 },
    );
    expect(await alertsOf(elderId)).toEqual([]);
    const alert = await firstAlertOf(elderId, 15_000);
    expect(alert).toMatchObject({ rule: 'no-water', severity: 'check-on' });
  });

  describe('learned water baseline', () => {
    const HOUR = 3_600_000;
    const hourEnd = Math.floor(Date.now() / HOUR) * HOUR;

    /**
     * Four weeks of hourly meter reports, with water used every day in the hours `habitHoursBefore` the check hour,
     * except today in the hours `missedToday`.
     */
    async function storeFourWeeks(deviceId: string, habitHoursBefore: number[], missedToday: number[]): Promise<void> {
      let register = 1000;
      const messages = [];
      for (let hour = hourEnd - 28 * 24 * HOUR; hour < hourEnd; hour += HOUR) {
        const hoursBefore = ((hourEnd - hour) / HOUR) % 24 || 24;
        const today = hour >= hourEnd - 24 * HOUR;
        if (habitHoursBefore.includes(hoursBefore) && !(today && missedToday.includes(hoursBefore))) register += 20;
        const at = new Date(hour + 30 * 60_000);
        const uplink = { msgId: `h${hour}`, kind: 'water' as const, totalLiters: register, flowLpm: 0 };
        messages.push({ deviceId, msgId: uplink.msgId, kind: 'water', body: uplink, occurredAt: at, receivedAt: at });
      }
      await new IngestRepository(harness.dataSource).store({ messages, rejections: [], activity: [] });
    }

    it('raises a check-on when an elder used no water through hours in which they almost always do, and not for hours they are usually quiet', async () => {
      const usual = await deviceOfNewElder('water_meter');
      const quietAnyway = await deviceOfNewElder('water_meter');
      await storeFourWeeks(usual.device.deviceId, [1, 2, 3], [1, 2, 3]);
      await storeFourWeeks(quietAnyway.device.deviceId, [12, 13, 14], []);

      await harness.platform.get(WaterBaselineScheduler).fanOut(hourEnd + 60_000);
      const alert = await firstAlertOf(usual.elderId);
      expect(alert).toMatchObject({ rule: 'water-baseline', severity: 'check-on', status: 'raised' });
      expect(JSON.stringify(alert.evidence)).toContain(String(hourEnd - 3 * HOUR));

      await expectEventually(async () =>
        expect(
          await harness.timers.getJob(checkWaterBaselineJobId(quietAnyway.device.deviceId, hourEnd)),
        ).toBeUndefined(),
      );
      expect(await alertsOf(quietAnyway.elderId)).toEqual([]);
    });
  });

  it('fails a job about a device the registry does not hold at once, without retries', async () => {
    const { elderId } = await deviceOfNewElder('call_button');
    const now = new Date().toISOString();
    const stray: DeviceEventJob = {
      eventId: '1',
      deviceId: 'btn-not-registered',
      deviceType: 'call_button',
      elderId,
      uplink: { msgId: 'x', kind: 'sos' },
      occurredAt: now,
      receivedAt: now,
      storedAt: now,
    };
    await expect(harness.platform.get(RuleEngineService).handleEvent(stray)).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('fails only the readings of a device the registry does not hold, and applies the others of their pass', async () => {
    const { device: meter, elderId } = await deviceOfNewElder('water_meter');
    // Stored without the gateway, so that no job of its own applies it meanwhile.
    const at = new Date();
    const uplink: Uplink = { msgId: 'stored-directly', kind: 'water', totalLiters: 10, flowLpm: 0 };
    const [stored] = await new IngestRepository(harness.dataSource).store({
      messages: [
        {
          deviceId: meter.deviceId,
          msgId: uplink.msgId,
          kind: uplink.kind,
          body: uplink,
          occurredAt: at,
          receivedAt: at,
        },
      ],
      rejections: [],
      activity: [],
    });
    const reading = (deviceId: string, eventId: string): DeviceEventJob => ({
      eventId,
      deviceId,
      deviceType: 'water_meter',
      elderId,
      uplink,
      occurredAt: at.toISOString(),
      receivedAt: at.toISOString(),
      storedAt: stored.storedAt.toISOString(),
    });

    const batch = [reading('wm-not-registered', '999999'), reading(meter.deviceId, stored.id)];
    await expect(harness.platform.get(RuleEngineService).handleReadings(batch)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );

    expect((await harness.ruleStateOf(meter.deviceId)).lastApplied).toEqual({
      occurredAt: at.getTime(),
      eventId: stored.id,
    });
  });
});
