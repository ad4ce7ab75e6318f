import { DeviceRegistryService } from '@eldercare/api';
import { QueueName, type AnnounceAlertJob, type DeviceEventJob } from '@eldercare/contracts';
import { SimulatedDevice } from '@eldercare/devices';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import type { DeviceType } from '@eldercare/protocol';
import { createTestDatabase, createTestElder, eventually, expectEventually, type TestDatabase } from '@eldercare/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestBroker, type TestBroker } from '../../gateway/src/testing/test-broker';
import { testGatewayOptions } from '../../gateway/src/testing/test-gateway';
import { RuleEngineService } from './rules/rule-engine.service';
import { startGatewayAndWorker } from './testing/test-platform';

interface AlertRow {
  id: string;
  rule: string;
  severity: string;
  status: string;
  trigger_count: number;
  evidence: Record<string, unknown>;
}

describe('rules worker, from simulated devices through the broker, gateway, Redis and Postgres', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;
  let platform: INestApplicationContext;
  let dispatch: Queue<AnnounceAlertJob>;
  let queuePrefix: string;
  const devices: SimulatedDevice[] = [];

  /** A device serving a new elder (with rule overrides), connected and talking. */
  async function deviceOfNewElder(type: DeviceType, ruleSettings: Record<string, unknown> = {}): Promise<{ device: SimulatedDevice; elderId: string }> {
    const elderId = await createTestElder(dataSource, ruleSettings);
    const registry = new DeviceRegistryService(new DeviceRepository(dataSource), broker.provisioning);
    const id = `${type.slice(0, 3)}-${randomBytes(4).toString('hex')}`;
    const [credentials] = await registry.register([{ id, type, elderId }]);
    const device = await SimulatedDevice.connect({ url: broker.url, deviceId: id, type, secret: credentials.secret, reconnectPeriodMs: 0 });
    devices.push(device);
    return { device, elderId };
  }

  const alertsOf = (elderId: string): Promise<AlertRow[]> =>
    dataSource.query('SELECT id, rule, severity, status, trigger_count, evidence FROM alerts WHERE elder_id = $1 ORDER BY raised_at', [elderId]);

  /** Waits until the worker has taken the device's latest stored message, so "no alert" is an answer, not a race. */
  async function processedUpTo(deviceId: string): Promise<void> {
    await expectEventually(async () => {
      const [row] = await dataSource.query(
        `SELECT (s.state -> 'lastApplied' ->> 'eventId') AS applied, (SELECT id::text FROM device_messages WHERE device_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 1) AS latest
         FROM device_rule_states s WHERE s.device_id = $1`,
        [deviceId],
      );
      expect(row?.applied).toBeDefined();
      expect(row.applied).toBe(row.latest);
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
    queuePrefix = `rules-${randomBytes(4).toString('hex')}`;
    platform = await startGatewayAndWorker(database.url, testGatewayOptions(broker, queuePrefix));
    dispatch = new Queue<AnnounceAlertJob>(QueueName.Dispatch, { connection: testGatewayOptions(broker, queuePrefix).redis, prefix: queuePrefix });
  });

  afterAll(async () => {
    await Promise.all(devices.map((device) => device.close()));
    await platform?.close();
    await dispatch?.obliterate({ force: true });
    await dispatch?.close();
    for (const queue of [QueueName.DeviceEvents, QueueName.RuleTimers, QueueName.AlertEscalations]) {
      const leftover = new Queue(queue, { connection: testGatewayOptions(broker, queuePrefix).redis, prefix: queuePrefix });
      await leftover.obliterate({ force: true });
      await leftover.close();
    }
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('raises one critical sos alert for a button press and announces it on the dispatch queue', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    const press = await device.send({ kind: 'sos' });

    const [alert] = await eventually(async () => {
      const alerts = await alertsOf(elderId);
      return alerts.length > 0 ? alerts : undefined;
    });
    expect(alert).toMatchObject({ rule: 'sos', severity: 'critical', status: 'raised', trigger_count: 1 });
    const [row] = await dataSource.query('SELECT source_msg_id, device_time, received_at, stored_at, raised_at FROM alerts WHERE id = $1', [alert.id]);
    expect(row.source_msg_id).toBe(press.msgId);
    expect(row.raised_at.getTime()).toBeGreaterThanOrEqual(row.stored_at.getTime());
    await expectEventually(async () => {
      const jobs = await dispatch.getJobs(['waiting', 'active', 'completed', 'delayed']);
      expect(jobs.filter((job) => job.data.alertId === alert.id && job.data.change === 'raised')).toHaveLength(1);
    });
  });

  it('leaves one alert when the same job is delivered twice', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    const press = await device.send({ kind: 'sos' });
    await eventually(async () => ((await alertsOf(elderId)).length === 1 ? true : undefined));

    const [stored] = await dataSource.query('SELECT id::text, occurred_at, received_at, stored_at FROM device_messages WHERE device_id = $1 AND msg_id = $2', [
      device.deviceId,
      press.msgId,
    ]);
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
    await platform.get(RuleEngineService).handleEvent(redelivered);

    expect(await alertsOf(elderId)).toEqual([expect.objectContaining({ rule: 'sos', trigger_count: 1 })]);
  });

  it('merges repeated presses into the open alert, with a count', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    await device.send({ kind: 'sos' });
    await eventually(async () => ((await alertsOf(elderId)).length === 1 ? true : undefined));
    await device.send({ kind: 'sos' });
    await expectEventually(async () => expect(await alertsOf(elderId)).toEqual([expect.objectContaining({ rule: 'sos', status: 'raised', trigger_count: 2 })]));
  });

  it('marks a press cancelled within the window as cancelled by the elder, and keeps it', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    await device.send({ kind: 'sos' });
    await eventually(async () => ((await alertsOf(elderId)).length === 1 ? true : undefined));
    await device.send({ kind: 'cancel' });
    await expectEventually(async () => expect(await alertsOf(elderId)).toEqual([expect.objectContaining({ rule: 'sos', status: 'cancelled-by-elder' })]));
  });

  it('raises a fall only at or above the confidence threshold', async () => {
    const { device, elderId } = await deviceOfNewElder('wearable');
    await device.send({ kind: 'fall', confidence: 0.5 });
    await processedUpTo(device.deviceId);
    expect(await alertsOf(elderId)).toEqual([]);

    await device.send({ kind: 'fall', confidence: 0.92, lat: 28.68, lon: 115.9 });
    const [alert] = await eventually(async () => {
      const alerts = await alertsOf(elderId);
      return alerts.length > 0 ? alerts : undefined;
    });
    expect(alert).toMatchObject({ rule: 'fall', severity: 'critical' });
  });

  it('raises one urgent vitals alert after three high heart rates in a row (in device time), with the readings', async () => {
    const { device, elderId } = await deviceOfNewElder('wearable');
    // Readings a second apart by the watch's clock; they may reach the gateway over different connections.
    const start = Date.now() - 60_000;
    const readings = [130, 72, 131, 135];
    await Promise.all(readings.map((heartRate, index) => device.send({ kind: 'vitals', heartRate, ts: start + index * 1000 })));
    await processedUpTo(device.deviceId);
    expect(await alertsOf(elderId)).toEqual([]);

    await device.send({ kind: 'vitals', heartRate: 140, ts: start + 4000 });
    const [alert] = await eventually(async () => {
      const alerts = await alertsOf(elderId);
      return alerts.length > 0 ? alerts : undefined;
    });
    expect(alert).toMatchObject({ rule: 'vitals', severity: 'urgent' });
    expect(JSON.stringify(alert.evidence)).toContain('140');
  });

  it('treats a water register going backwards as a device fault, never as negative use', async () => {
    const { device, elderId } = await deviceOfNewElder('water_meter');
    await device.send({ kind: 'water', totalLiters: 1500, flowLpm: 0 });
    await device.send({ kind: 'water', totalLiters: 1200, flowLpm: 0 });
    const [alert] = await eventually(async () => {
      const alerts = await alertsOf(elderId);
      return alerts.length > 0 ? alerts : undefined;
    });
    expect(alert).toMatchObject({ rule: 'water-register-backwards', severity: 'maintenance' });
  });

  it('raises low battery once, not on every heartbeat', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button');
    await device.send({ kind: 'heartbeat', battery: 15 });
    await device.send({ kind: 'heartbeat', battery: 14 });
    await device.send({ kind: 'heartbeat', battery: 13 });
    await processedUpTo(device.deviceId);
    expect(await alertsOf(elderId)).toEqual([expect.objectContaining({ rule: 'battery-low', severity: 'maintenance', trigger_count: 1 })]);
  });

  it('escalates a critical alert nobody acknowledged, on time with a shortened threshold', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button', { escalation: { critical: { reNotifyAfterSec: 1, supervisorsAfterSec: 2 } } });
    await device.send({ kind: 'sos' });
    const [alert] = await eventually(async () => {
      const alerts = await alertsOf(elderId);
      return alerts.length > 0 ? alerts : undefined;
    });
    const escalated = await eventually(
      async () => {
        const jobs = await dispatch.getJobs(['waiting', 'active', 'completed']);
        const steps = jobs.filter((job) => job.data.alertId === alert.id && job.data.change === 'escalated').map((job) => job.data.step);
        return steps.length === 2 ? steps.sort() : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(escalated).toEqual(['re-notify', 'supervisors']);
  });

  it('raises device-silent from its timer when a device stops talking', async () => {
    const { device, elderId } = await deviceOfNewElder('call_button', { deviceSilent: { heartbeatFactor: 1.5, heartbeatSec: { call_button: 1 } } });
    await device.send({ kind: 'heartbeat', battery: 90 });
    const [alert] = await eventually(
      async () => {
        const alerts = await alertsOf(elderId);
        return alerts.length > 0 ? alerts : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(alert).toMatchObject({ rule: 'device-silent', severity: 'maintenance' });
  });
});
