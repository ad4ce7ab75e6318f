import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { BenchDevice } from './bench-stack';

export type GeneratorCommand =
  | { kind: 'connect'; url: string; devices: Pick<BenchDevice, 'deviceId' | 'secret'>[] }
  | { kind: 'rate'; perSecond: number }
  | { kind: 'close' };

export type GeneratorReport =
  | { kind: 'connected' }
  /** Totals since start: readings published, acknowledged by the broker, refused, and not sent (too many in flight). */
  | { kind: 'progress'; offered: number; acked: number; failed: number; behind: number };

export type GeneratorCounts = Omit<Extract<GeneratorReport, { kind: 'progress' }>, 'kind'>;

/** Water meters publishing readings at a set rate from a process of their own. */
export class ReadingGenerator {
  private latest: GeneratorCounts = { offered: 0, acked: 0, failed: 0, behind: 0 };

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (report: GeneratorReport) => {
      if (report.kind === 'progress') this.latest = report;
    });
  }

  /** Forks the generator and connects every meter; resolves once all are online. */
  static async start(url: string, devices: BenchDevice[]): Promise<ReadingGenerator> {
    const child = fork(join(__dirname, 'reading-generator.process.ts'), [], { execArgv: ['-r', '@swc-node/register'] });
    const generator = new ReadingGenerator(child);
    const connected = new Promise<void>((resolve, reject) => {
      child.on('message', (report: GeneratorReport) => report.kind === 'connected' && resolve());
      child.once('exit', (code) => reject(new Error(`the reading generator exited (${code}) before connecting`)));
    });
    generator.command({ kind: 'connect', url, devices: devices.map(({ deviceId, secret }) => ({ deviceId, secret })) });
    await connected;
    return generator;
  }

  /** Readings per second from now on, spread over every meter; 0 stops publishing. */
  setRate(perSecond: number): void {
    this.command({ kind: 'rate', perSecond });
  }

  /** Totals as of the last report (at most 50 ms old). */
  get counts(): GeneratorCounts {
    return { ...this.latest };
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.command({ kind: 'close' });
    const kill = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(kill);
  }

  private command(command: GeneratorCommand): void {
    this.child.send(command);
  }
}
