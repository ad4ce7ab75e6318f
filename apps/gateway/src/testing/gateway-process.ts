import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '../../../..');

/** The gateway as its own process (apps/gateway/src/main.ts), so a test can kill it the hard way. */
export class GatewayProcess {
  private constructor(private readonly child: ChildProcess) {}

  /** Starts it and resolves once it has subscribed and is ingesting. */
  static async start(env: Record<string, string>): Promise<GatewayProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const errors: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
    const lines = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        if (line.includes('ingesting from')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`gateway exited (${code}) before ingesting: ${errors.join('')}`)));
    });
    return new GatewayProcess(child);
  }

  /** SIGKILL: no drain, no goodbye; whatever it held unacknowledged stays with the broker. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM: the gateway drains what it holds, then exits. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
