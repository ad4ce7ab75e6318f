import { obliterateEveryQueue } from '@eldercare/job-bus';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import type { DeviceType } from '@eldercare/protocol';
import { generateDeviceSecret } from '@eldercare/secrets';
import {
  AppProcess,
  createEmptyDatabase,
  createTestUser,
  dropDatabase,
  testEnvironment,
  TEST_PASSWORD,
} from '@eldercare/testing';
import { startTestBroker, type BrokerMode, type TestBroker } from '@eldercare/test/broker/test-broker';
import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import type { DataSource } from 'typeorm';
import { writeDeviceAccounts } from './dynsec-accounts';
import type { PartContext } from './run-part';

/** A registered device and its secret in clear. */
export interface BenchDevice {
  deviceId: string;
  secret: string;
  elderId: string | null;
}

/**
 * Everything a bench runs the platform on: a fresh migrated database, a broker of its own (the project's Mosquitto
 * configuration, or the embedded broker), its own queue prefix on the machine's Redis; and the platform's processes
 * started on their own, as production runs them. Everything it starts is undone by the part's clean-up.
 */
export class BenchStack {
  readonly queuePrefix = `bench-${randomBytes(4).toString('hex')}`;
  private readonly processes: AppProcess[] = [];

  private constructor(
    readonly databaseName: string,
    readonly databaseUrl: string,
    readonly dataSource: DataSource,
    readonly broker: TestBroker,
  ) {}

  static async start(context: PartContext, mode: BrokerMode = 'mosquitto'): Promise<BenchStack> {
    const databaseName = `eldercare_bench_${randomBytes(4).toString('hex')}`;
    const databaseUrl = await createEmptyDatabase(databaseName);
    context.onCleanup(() => dropDatabase(databaseName));
    const dataSource = await openDatabase(databaseUrl, { poolSize: 4 });
    context.onCleanup(() => dataSource.destroy());
    const broker = await startTestBroker(mode, new DeviceRepository(dataSource));
    context.onCleanup(() => broker.stop());
    const stack = new BenchStack(databaseName, databaseUrl, dataSource, broker);
    context.onCleanup(() => stack.stopQueues());
    context.onCleanup(() => stack.stopProcesses());
    return stack;
  }

  get queueOptions() {
    return { redis: { url: testEnvironment.redisUrl }, queuePrefix: this.queuePrefix };
  }

  /** `count` elders in one district (so one operator watches them all); answers their ids and the district's. */
  async createElders(count: number): Promise<{ elderIds: string[]; districtId: string }> {
    const code = randomBytes(4).toString('hex');
    const [{ district, community }] = await this.dataSource.query(
      `WITH d AS (INSERT INTO regions (code, name, level) VALUES ($1, '测试区', 'district') RETURNING id),
            s AS (INSERT INTO regions (code, name, level, parent_id) SELECT $2, '测试街道', 'street', id FROM d RETURNING id),
            c AS (INSERT INTO regions (code, name, level, parent_id) SELECT $3, '测试社区', 'community', id FROM s RETURNING id)
       SELECT (SELECT id FROM d) AS district, (SELECT id FROM c) AS community`,
      [`d-${code}`, `s-${code}`, `c-${code}`],
    );
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO elders (name, gender, birth_date, categories, community_id, address, home_lat, home_lon)
       SELECT '老人' || n, 'female', '1941-03-08', '{living_alone}', $1, '八一大道' || n || '号', 28.68, 115.89
       FROM generate_series(1, $2) n RETURNING id`,
      [community, count],
    );
    return { elderIds: rows.map((row) => row.id), districtId: district };
  }

  /**
   * Registers devices in the registry and on the broker. Mosquitto checks secrets itself, so the registry keeps a
   * placeholder hash there (scrypt for thousands of devices would take minutes); the embedded broker checks the
   * registry, so there every device gets its real hash through the registration the api does.
   */
  async registerDevices(type: DeviceType, prefix: string, elderIds: (string | null)[]): Promise<BenchDevice[]> {
    const devices = elderIds.map((elderId, index) => ({
      deviceId: `${prefix}-${String(index).padStart(6, '0')}`,
      secret: generateDeviceSecret(),
      elderId,
    }));
    if (this.broker.mode === 'embedded') {
      const issued = await this.broker.registerDevices(
        devices.map(({ deviceId, elderId }) => ({ id: deviceId, type, elderId })),
      );
      return issued.map((credentials, index) => ({ ...credentials, elderId: devices[index].elderId }));
    }
    await this.insertPlaceholders(type, devices);
    await this.broker.provisioning.provisionDevices(devices.map(({ deviceId, secret }) => ({ deviceId, secret })));
    return devices;
  }

  /**
   * Registers many devices on Mosquitto at once: registry rows, and accounts written into the broker's
   * dynamic-security file, which it loads as it restarts (every connection drops meanwhile). For fleets too large
   * to provision through `$CONTROL` within a part's time limit.
   */
  async registerDevicesInBulk(type: DeviceType, prefix: string, elderIds: (string | null)[]): Promise<BenchDevice[]> {
    const mosquitto = this.broker.mosquitto;
    if (!mosquitto) throw new Error('bulk registration writes Mosquitto’s dynamic-security file: mosquitto mode only');
    const devices = elderIds.map((elderId, index) => ({
      deviceId: `${prefix}-${String(index).padStart(6, '0')}`,
      secret: generateDeviceSecret(),
      elderId,
    }));
    await this.insertPlaceholders(type, devices);
    await writeDeviceAccounts(mosquitto.dynsecFile, devices);
    await mosquitto.restart();
    return devices;
  }

  /** An operator watching the district, signed in: its session cookie, for a socket.io client. */
  async operatorOf(districtId: string): Promise<{ username: string; password: string }> {
    const user = await createTestUser(this.dataSource, 'operator', { regionIds: [districtId] });
    return { username: user.username, password: TEST_PASSWORD };
  }

  /** Registry rows with a placeholder hash: Mosquitto checks the secrets itself. */
  private async insertPlaceholders(type: DeviceType, devices: BenchDevice[]): Promise<void> {
    const registry = new DeviceRepository(this.dataSource);
    for (let start = 0; start < devices.length; start += 1000)
      await registry.insert(
        devices
          .slice(start, start + 1000)
          .map(({ deviceId, elderId }) => ({ id: deviceId, type, elderId, secretHash: 'x' })),
      );
  }

  private baseEnv(): Record<string, string> {
    return {
      LOG_LEVEL: 'info',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: testEnvironment.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      MQTT_URL: this.broker.url,
      MQTT_USERNAME: this.broker.service.username,
      MQTT_PASSWORD: this.broker.service.password,
      MQTT_SHARED_SUBSCRIPTION: String(this.broker.sharedSubscription),
      DEMO: 'false',
    };
  }

  /** A gateway process with the production defaults (connections, batch window, reorder window). */
  async startGateway(id: string, env: Record<string, string> = {}): Promise<AppProcess> {
    const connections: Record<string, string> = this.broker.sharedSubscription ? {} : { GATEWAY_CONNECTIONS: '1' };
    return this.track(
      await AppProcess.start(
        'gateway',
        { ...this.baseEnv(), GATEWAY_ID: id, ...connections, ...env },
        'ingesting from',
      ),
    );
  }

  /** A worker process with the production defaults (concurrency, lock). */
  async startWorker(env: Record<string, string> = {}): Promise<AppProcess> {
    return this.track(await AppProcess.start('worker', { ...this.baseEnv(), ...env }, 'taking device events'));
  }

  /** The api on a free port of loopback; answers its process and base URL. */
  async startApi(): Promise<{ api: AppProcess; url: string }> {
    const port = await freePort();
    const env = { ...this.baseEnv(), HTTP_PORT: String(port), ADMIN_PASSWORD: randomBytes(12).toString('base64url') };
    const api = this.track(await AppProcess.start('api', env, 'Nest application successfully started'));
    return { api, url: `http://127.0.0.1:${port}` };
  }

  /** Device messages the gateway has stored. */
  async storedCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM device_messages');
    return n;
  }

  /**
   * Stored messages of devices serving an elder that the rules have not applied yet: those after the last one each
   * device's rule state applied, in device time. Counted in the database, not in jobs: a job carries a gateway batch
   * of readings, and one pass applies a device's readings of many jobs.
   */
  async backlog(): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT coalesce(sum(c.n), 0)::int AS n
       FROM devices d
       LEFT JOIN device_rule_states s ON s.device_id = d.id
       CROSS JOIN LATERAL (
         SELECT count(*) AS n FROM device_messages m
         WHERE m.device_id = d.id AND (m.occurred_at, m.id) > (
           to_timestamp(coalesce((s.state -> 'lastApplied' ->> 'occurredAt')::bigint, 0) / 1000.0),
           coalesce((s.state -> 'lastApplied' ->> 'eventId')::bigint, 0)
         )
       ) c
       WHERE d.elder_id IS NOT NULL`,
    );
    return n;
  }

  async stopProcesses(): Promise<void> {
    await Promise.all(this.processes.splice(0).map((process) => process.kill()));
  }

  private track(process: AppProcess): AppProcess {
    this.processes.push(process);
    return process;
  }

  private async stopQueues(): Promise<void> {
    await obliterateEveryQueue(this.queueOptions);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
