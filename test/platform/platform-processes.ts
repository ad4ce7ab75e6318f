import { AppProcess, findFreePort } from '@eldercare/testing';
import { WORKER_READY } from '@eldercare/worker';
import { randomBytes } from 'node:crypto';
import type { TestBroker } from '@eldercare/test/broker/test-broker';

/** What the platform's processes are pointed at. */
export interface PlatformWiring {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  broker: TestBroker;
}

/**
 * The gateway, worker and api started on their own, as production runs them (`apps/<app>/src/main.ts`), each an OS
 * process a test may kill the hard way. `stopAll` kills whatever is still running.
 */
export class PlatformProcesses {
  private readonly running: AppProcess[] = [];

  constructor(private readonly wiring: PlatformWiring) {}

  private baseEnv(): Record<string, string> {
    const { databaseUrl, redisUrl, queuePrefix, broker } = this.wiring;
    return {
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      MQTT_URL: broker.url,
      MQTT_USERNAME: broker.service.username,
      MQTT_PASSWORD: broker.service.password,
      MQTT_SHARED_SUBSCRIPTION: String(broker.sharedSubscription),
      DEMO: 'false',
    };
  }

  /** A gateway with the production defaults (connections, batch window, reorder window) unless `env` says else. */
  async startGateway(id: string, env: Record<string, string> = {}): Promise<AppProcess> {
    const connections: Record<string, string> = this.wiring.broker.sharedSubscription
      ? {}
      : { GATEWAY_CONNECTIONS: '1' };
    return this.track(
      await AppProcess.start(
        'gateway',
        { ...this.baseEnv(), GATEWAY_ID: id, ...connections, ...env },
        'ingesting from',
      ),
    );
  }

  /** A worker with the production defaults (concurrency, lock) unless `env` says else. */
  async startWorker(env: Record<string, string> = {}): Promise<AppProcess> {
    return this.track(await AppProcess.start('worker', { ...this.baseEnv(), ...env }, WORKER_READY));
  }

  /** The api on `port` (a free one of loopback by default); answers its process and base URL. */
  async startApi(port?: number): Promise<{ api: AppProcess; url: string; port: number }> {
    const httpPort = port ?? (await findFreePort());
    const env = {
      ...this.baseEnv(),
      HTTP_PORT: String(httpPort),
      ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
    };
    const api = this.track(await AppProcess.start('api', env, 'Nest application successfully started'));
    return { api, url: `http://127.0.0.1:${httpPort}`, port: httpPort };
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.running.splice(0).map((process) => process.kill()));
  }

  private track(process: AppProcess): AppProcess {
    this.running.push(process);
    return process;
  }
}
