import { obliterateEveryQueue } from '@eldercare/job-bus';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import type { DeviceType } from '@eldercare/protocol';
import { generateDeviceSecret } from '@eldercare/secrets';
import {
  AppProcess,
  createEmptyDatabase,
  createTestEldersInOneDistrict,
  createTestUser,
  dropDatabase,
  testEnvironment,
  TEST_PASSWORD,
} from '@eldercare/testing';
import { startTestBroker, type BrokerMode, type TestBroker } from '@eldercare/test/broker/test-broker';
import { PlatformProcesses } from '@eldercare/test/platform/platform-processes';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
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
  private readonly processes: PlatformProcesses;

  private constructor(
    readonly databaseName: string,
    readonly databaseUrl: string,
    readonly dataSource: DataSource,
    readonly broker: TestBroker,
  ) {
    this.processes = new PlatformProcesses({
      databaseUrl,
      redisUrl: testEnvironment.redisUrl,
      queuePrefix: this.queuePrefix,
      broker,
    });
  }

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
  createElders(count: number): Promise<{ elderIds: string[]; districtId: string }> {
    return createTestEldersInOneDistrict(this.dataSource, count);
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

  /** A gateway process with the production defaults (connections, batch window, reorder window). */
  startGateway(id: string, env: Record<string, string> = {}): Promise<AppProcess> {
    // A bench's few hundred devices stand for a city's many thousands: each sends far more than a real one may.
    return this.processes.startGateway(id, { GATEWAY_DEVICE_MESSAGES_PER_MIN: '0', ...cpuProfileEnv(), ...env });
  }

  /** A worker process with the production defaults (concurrency, lock). */
  startWorker(env: Record<string, string> = {}): Promise<AppProcess> {
    return this.processes.startWorker({ ...cpuProfileEnv(), ...env });
  }

  /** The api on a free port of loopback; answers its process and base URL. */
  startApi(): Promise<{ api: AppProcess; url: string }> {
    return this.processes.startApi();
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

  stopProcesses(): Promise<void> {
    return this.processes.stopAll();
  }

  private async stopQueues(): Promise<void> {
    await obliterateEveryQueue(this.queueOptions);
  }
}

/**
 * With `BENCH_CPU_PROFILE=<folder>`, the gateway and the worker write a CPU profile of a window of their run there
 * (`BENCH_CPU_PROFILE_FROM_S`, 20 s after they start, `BENCH_CPU_PROFILE_FOR_S` long, 20 s); summarise one with
 * `bench/cpu-profile-summary.ts`.
 */
function cpuProfileEnv(): Record<string, string> {
  if (!process.env.BENCH_CPU_PROFILE) return {};
  const preload = join(__dirname, 'cpu-profile.preload.ts');
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} -r @swc-node/register -r ${preload}`.trim() };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
