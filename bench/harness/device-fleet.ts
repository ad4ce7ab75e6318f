import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { BenchDevice } from './bench-stack';

export type FleetCommand =
  | {
      kind: 'connect';
      url: string;
      devices: Pick<BenchDevice, 'deviceId' | 'secret'>[];
      reconnectPeriodMs: number;
    }
  /** Every meter publishes this many readings (QoS 1) now, whether connected or not. */
  | { kind: 'send'; readingsPerDevice: number }
  | { kind: 'close' };

export type FleetReport =
  | { kind: 'connected'; count: number; failed: number }
  /** Meters connected right now; readings acknowledged by the broker and refused, since start. */
  | { kind: 'progress'; connected: number; acked: number; failed: number };

export type FleetCounts = Omit<Extract<FleetReport, { kind: 'progress' }>, 'kind'>;

/**
 * Water meters held open by child processes, spread over `processes` of them (one per core uses the machine; each
 * process can hold about as many sockets as its file limit allows).
 */
export class DeviceFleet {
  private readonly latest = new Map<ChildProcess, FleetCounts>();

  private constructor(private readonly children: ChildProcess[]) {
    for (const child of children) {
      this.latest.set(child, { connected: 0, acked: 0, failed: 0 });
      child.on('message', (report: FleetReport) => {
        if (report.kind === 'progress') this.latest.set(child, report);
      });
    }
  }

  /** Forks the processes and connects every device; resolves with how many connected once every attempt is over. */
  static async start(
    url: string,
    devices: BenchDevice[],
    { processes, reconnectPeriodMs = 1000 }: { processes: number; reconnectPeriodMs?: number },
  ): Promise<{ fleet: DeviceFleet; connected: number; failed: number }> {
    const children = Array.from({ length: processes }, () =>
      fork(join(__dirname, 'device-fleet.process.ts'), [], { execArgv: ['-r', '@swc-node/register'] }),
    );
    const fleet = new DeviceFleet(children);
    const share = Math.ceil(devices.length / processes);
    const results = await Promise.all(
      children.map((child, index) => {
        const connected = new Promise<{ count: number; failed: number }>((resolve, reject) => {
          child.on('message', (report: FleetReport) => report.kind === 'connected' && resolve(report));
          child.once('exit', (code) => reject(new Error(`a device fleet process exited (${code}) before connecting`)));
        });
        const mine = devices.slice(index * share, (index + 1) * share);
        fleet.command(child, {
          kind: 'connect',
          url,
          devices: mine.map(({ deviceId, secret }) => ({ deviceId, secret })),
          reconnectPeriodMs,
        });
        return connected;
      }),
    );
    return {
      fleet,
      connected: results.reduce((sum, result) => sum + result.count, 0),
      failed: results.reduce((sum, result) => sum + result.failed, 0),
    };
  }

  /** Totals over every process, as of their last reports (at most a quarter of a second old). */
  get counts(): FleetCounts {
    const total: FleetCounts = { connected: 0, acked: 0, failed: 0 };
    for (const counts of this.latest.values()) {
      total.connected += counts.connected;
      total.acked += counts.acked;
      total.failed += counts.failed;
    }
    return total;
  }

  /** The processes' ids, to read their memory. */
  get pids(): number[] {
    return this.children.map((child) => child.pid!);
  }

  sendReadings(readingsPerDevice: number): void {
    for (const child of this.children) this.command(child, { kind: 'send', readingsPerDevice });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        this.command(child, { kind: 'close' });
        const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(kill);
      }),
    );
  }

  private command(child: ChildProcess, command: FleetCommand): void {
    child.send(command);
  }
}
