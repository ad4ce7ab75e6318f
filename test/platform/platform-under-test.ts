import { QueueName } from '@eldercare/contracts';
import { SimulatedDevice, type SimulatedDeviceOptions } from '@eldercare/devices';
import type { DeviceRuleState } from '@eldercare/domain';
import { obliterateEveryQueue, openQueue, type JobQueue } from '@eldercare/job-bus';
import { DeviceRepository, openDatabase, PersistenceModule } from '@eldercare/persistence';
import type { DeviceType, Uplink } from '@eldercare/protocol';
import {
  createTestDatabase,
  createTestElder,
  eventually,
  expectEventually,
  testEnvironment,
  type TestDatabase,
} from '@eldercare/testing';
import {
  AbandonedRequestReleaser,
  MissedVisitSweeper,
  OverdueVisitSweeper,
  WorkerModule,
  WorkOrderGenerator,
} from '@eldercare/worker';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestBroker, type TestBroker } from '../broker/test-broker';
import { testGatewayOptions } from '../gateway/test-gateway';
import { startPlatformApp } from './platform-app';

/** How a test's device sends its alarms: on which topic, and how soon it repeats an unanswered one. */
export type DeviceSettings = Pick<SimulatedDeviceOptions, 'alarmTopic' | 'alarmRepeatMs'>;

/** An alert as the alerts table stores it (column names and all), for specs that check what the rules raised. */
export interface StoredAlert {
  id: string;
  rule: string;
  severity: string;
  status: string;
  trigger_count: number;
  evidence: Record<string, unknown>;
}

/**
 * The whole back end for one test file: gateway, worker and api in this process, as the all-in-one process runs
 * them, on the test services (its own database, Mosquitto and queue prefix, the shared Redis), and simulated devices
 * serving elders made for each test. Api, worker and console specs drive the platform through it.
 */
export class PlatformUnderTest {
  private readonly devices: SimulatedDevice[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    readonly broker: TestBroker,
    readonly platform: INestApplicationContext,
    /** The api of the platform, on a free port. */
    readonly apiUrl: string,
    readonly queuePrefix: string,
    readonly dispatch: JobQueue<'dispatch'>,
    readonly timers: JobQueue<'rule-timers'>,
  ) {}

  /** See startPlatformApp for `alarms`. */
  static async start(alarms: 'inline' | 'thread' = 'inline'): Promise<PlatformUnderTest> {
    const database = await createTestDatabase();
    const dataSource = await openDatabase(database.url, { poolSize: 2 });
    const broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
    const queuePrefix = `rules-${randomBytes(4).toString('hex')}`;
    const options = testGatewayOptions(broker, queuePrefix);
    const { app, apiUrl } = await startPlatformApp(database.url, options, alarms);
    return new PlatformUnderTest(
      database,
      dataSource,
      broker,
      app,
      apiUrl,
      queuePrefix,
      openQueue(QueueName.Dispatch, options),
      openQueue(QueueName.RuleTimers, options),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.devices.map((device) => device.close()));
    await this.platform.close();
    await Promise.all([this.dispatch.close(), this.timers.close()]);
    await obliterateEveryQueue(testGatewayOptions(this.broker, this.queuePrefix));
    await this.broker.stop();
    await this.dataSource.destroy();
    await this.database.drop();
  }

  /** A device serving a new elder (with rule overrides), connected and talking. */
  async deviceOfNewElder(
    type: DeviceType,
    ruleSettings: Record<string, unknown> = {},
    settings: DeviceSettings = {},
  ): Promise<{ device: SimulatedDevice; elderId: string }> {
    const elderId = await createTestElder(this.dataSource, ruleSettings);
    return { device: await this.deviceOf(elderId, type, settings), elderId };
  }

  /** A new device of the elder, registered, connected and talking. */
  async deviceOf(elderId: string, type: DeviceType, settings: DeviceSettings = {}): Promise<SimulatedDevice> {
    const id = `${type.slice(0, 3)}-${randomBytes(4).toString('hex')}`;
    const [credentials] = await this.broker.registerDevices([{ id, type, elderId }]);
    const device = await SimulatedDevice.connect({
      url: this.broker.url,
      deviceId: id,
      type,
      secret: credentials.secret,
      reconnectPeriodMs: 0,
      ...settings,
    });
    this.devices.push(device);
    return device;
  }

  /** Runs the worker's work-order generation now, as its schedule does; answers how many orders it made. */
  generateWorkOrders(now?: number): Promise<number> {
    return this.platform.get(WorkOrderGenerator).generate(now);
  }

  /** The same generation by a worker started afresh on this database and queues, as after a crash. */
  async generateWorkOrdersInFreshWorker(now?: number): Promise<number> {
    @Module({
      imports: [
        PersistenceModule.forRoot({ url: this.database.url, poolSize: 2 }),
        WorkerModule.forRoot({
          redis: { url: testEnvironment.redisUrl },
          queuePrefix: this.queuePrefix,
          concurrency: 1,
          alarmConcurrency: 1,
          lockMs: 30_000,
        }),
      ],
    })
    class FreshWorkerModule {}
    const worker = await NestFactory.createApplicationContext(FreshWorkerModule, { logger: ['error'] });
    try {
      return await worker.get(WorkOrderGenerator).generate(now);
    } finally {
      await worker.close();
    }
  }

  /** Runs the worker's sweep for missed visits now; answers how many it marked missed. */
  sweepMissedVisits(now?: number): Promise<number> {
    return this.platform.get(MissedVisitSweeper).sweep(now);
  }

  /** Runs the worker's sweep for abandoned time-bank requests now; answers how many it closed. */
  releaseAbandonedVolunteerRequests(now?: number): Promise<number> {
    return this.platform.get(AbandonedRequestReleaser).sweep(now);
  }

  /** Runs the worker's sweep for overdue visits to elders at risk now; answers how many check-ons it raised. */
  sweepOverdueRiskVisits(now?: number): Promise<number> {
    return this.platform.get(OverdueVisitSweeper).sweep(now);
  }

  alertsOf(elderId: string): Promise<StoredAlert[]> {
    return this.dataSource.query(
      'SELECT id, rule, severity, status, trigger_count, evidence FROM alerts WHERE elder_id = $1 ORDER BY raised_at',
      [elderId],
    );
  }

  /** The elder's alerts, once there is at least one. */
  firstAlertsOf(elderId: string, timeoutMs?: number): Promise<StoredAlert[]> {
    return eventually(
      async () => {
        const alerts = await this.alertsOf(elderId);
        return alerts.length > 0 ? alerts : undefined;
      },
      { timeoutMs },
    );
  }

  async ruleStateOf(deviceId: string): Promise<DeviceRuleState> {
    const [row] = await this.dataSource.query('SELECT state FROM device_rule_states WHERE device_id = $1', [deviceId]);
    return row.state;
  }

  /**
   * Waits until the gateway has stored the uplink (the broker's PUBACK comes before that) and the worker has applied
   * the device's latest stored message, so "no alert" is an answer, not a race.
   */
  async processedUpTo(device: SimulatedDevice, uplink: Uplink): Promise<void> {
    await expectEventually(async () => {
      const [row] = await this.dataSource.query(
        `SELECT (s.state -> 'lastApplied' ->> 'eventId') AS applied,
                (SELECT id::text FROM device_messages WHERE device_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 1) AS latest,
                EXISTS (SELECT 1 FROM device_messages WHERE device_id = $1 AND msg_id = $2) AS stored
         FROM device_rule_states s WHERE s.device_id = $1`,
        [device.deviceId, uplink.msgId],
      );
      expect(row?.stored).toBe(true);
      expect(row.applied).toBe(row.latest);
    });
  }
}
