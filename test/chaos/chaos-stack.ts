import { QueueName } from '@eldercare/contracts';
import { openQueue, type JobQueue } from '@eldercare/job-bus';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import type { DeviceType } from '@eldercare/protocol';
import {
  AppProcess,
  createTestEldersInOneDistrict,
  createTestUser,
  findFreePort,
  startTestPostgresCluster,
  startTestRedis,
  TEST_PASSWORD,
  type TestPostgresCluster,
  type TestRedis,
} from '@eldercare/testing';
import { startTestBroker, type TestBroker } from '@eldercare/test/broker/test-broker';
import { PlatformProcesses } from '@eldercare/test/platform/platform-processes';
import type { DataSource } from 'typeorm';

/** A device registered for an elder of the stack's district, with its secret in clear. */
export interface ChaosDevice {
  deviceId: string;
  type: DeviceType;
  secret: string;
  elderId: string;
}

/** The queues that carry a press from the gateway to the console, watched to tell when the platform has settled. */
const PRESS_QUEUES = [QueueName.DeviceAlarms, QueueName.Dispatch, QueueName.DeviceDownlinks] as const;

/** Shorter than the production 30 s, so that a killed worker's jobs come back within the suite's time. */
const WORKER_LOCK_MS = '5000';

/**
 * The platform as production runs it, every part an OS process of its own that the suite may kill or restart: a
 * Postgres cluster, a Redis (AOF on) and a Mosquitto (persistent sessions, the project's configuration), each private
 * to the suite, and gateways, a worker and an api started from their `main.ts`. The api keeps its port across
 * restarts, so a console's socket comes back to it.
 */
export class ChaosStack {
  private readonly gateways = new Map<string, AppProcess>();
  private worker?: AppProcess;
  private api?: AppProcess;
  private readonly queues: JobQueue<(typeof PRESS_QUEUES)[number]>[];

  private constructor(
    readonly postgres: TestPostgresCluster,
    readonly redis: TestRedis,
    readonly broker: TestBroker,
    readonly dataSource: DataSource,
    private readonly processes: PlatformProcesses,
    readonly queuePrefix: string,
    readonly apiPort: number,
  ) {
    this.queues = PRESS_QUEUES.map((queue) => openQueue(queue, { redis: { url: redis.url }, queuePrefix }));
  }

  static async start(): Promise<ChaosStack> {
    const cleanups: (() => Promise<unknown>)[] = [];
    try {
      const postgres = await startTestPostgresCluster();
      cleanups.push(() => postgres.stop());
      const redis = await startTestRedis();
      cleanups.push(() => redis.stop());
      const databaseUrl = await postgres.createDatabase('eldercare_chaos');
      const dataSource = await openDatabase(databaseUrl, { poolSize: 4 });
      cleanups.push(() => dataSource.destroy());
      const broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
      const queuePrefix = 'chaos';
      const processes = new PlatformProcesses({ databaseUrl, redisUrl: redis.url, queuePrefix, broker });
      return new ChaosStack(postgres, redis, broker, dataSource, processes, queuePrefix, await findFreePort());
    } catch (error) {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      throw error;
    }
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  async startGateway(id: string): Promise<void> {
    this.gateways.set(id, await this.processes.startGateway(id));
  }

  async killGateway(id: string): Promise<void> {
    await this.gateways.get(id)?.kill();
    this.gateways.delete(id);
  }

  /** SIGTERM: the gateway stores and acknowledges what it holds, then leaves. */
  async stopGateway(id: string): Promise<void> {
    await this.gateways.get(id)?.stop();
    this.gateways.delete(id);
  }

  async startWorker(): Promise<void> {
    this.worker = await this.processes.startWorker({ WORKER_LOCK_MS });
  }

  async killWorker(): Promise<void> {
    await this.worker?.kill();
  }

  async startApi(): Promise<void> {
    ({ api: this.api } = await this.processes.startApi(this.apiPort));
  }

  async killApi(): Promise<void> {
    await this.api?.kill();
  }

  /** Elders in one district, each with a device of `type` registered on the broker. */
  async devicesOfNewElders(type: DeviceType, prefix: string, count: number): Promise<ChaosDevice[]> {
    const { elderIds } = await createTestEldersInOneDistrict(this.dataSource, count);
    const issued = await this.broker.registerDevices(
      elderIds.map((elderId, index) => ({ id: `${prefix}-${String(index).padStart(3, '0')}`, type, elderId })),
    );
    return issued.map(({ deviceId, secret }, index) => ({ deviceId, secret, type, elderId: elderIds[index] }));
  }

  /** An operator watching every district of the stack's elders, for a console. */
  async operator(): Promise<{ username: string; password: string }> {
    const districts: { id: string }[] = await this.dataSource.query(`SELECT id FROM regions WHERE parent_id IS NULL`);
    const user = await createTestUser(this.dataSource, 'operator', { regionIds: districts.map(({ id }) => id) });
    return { username: user.username, password: TEST_PASSWORD };
  }

  /** Resolves once one of the elders has an alert committed, looking every few milliseconds. */
  async firstAlertOf(elderIds: string[], limitMs = 30_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM alerts WHERE elder_id = ANY($1)', [
        elderIds,
      ]);
      if (n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no alert of ${elderIds.length} elders within ${limitMs} ms`);
  }

  /** Jobs that carry presses and their announcements, not finished yet (a dead consumer's jobs count until retaken). */
  async pressJobsInFlight(): Promise<number> {
    const counts = await Promise.all(
      this.queues.map((queue) => queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized')),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  }

  async stop(): Promise<void> {
    await this.processes.stopAll();
    await Promise.all(this.queues.map((queue) => queue.close()));
    await this.broker.stop();
    await this.dataSource.destroy();
    await this.redis.stop();
    await this.postgres.stop();
  }
}
