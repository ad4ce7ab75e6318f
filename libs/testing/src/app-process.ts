import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '../../..');
/** A folder to keep every process's output in, one file per process, to read after a failed run. */
const LOG_DIR = process.env.APP_LOG_DIR;

function keepLog(app: string, child: ChildProcess): void {
  if (!LOG_DIR) return;
  const file = createWriteStream(join(LOG_DIR, `${app}-${child.pid}.log`));
  child.stdout!.on('data', (chunk: Buffer) => file.write(chunk));
  child.stderr!.on('data', (chunk: Buffer) => file.write(chunk));
  child.once('exit', () => file.end());
}

/** One of the platform's processes (`apps/<app>/src/main.ts`) on its own, so a test can kill it the hard way. */
export class AppProcess {
  /** Log lines at level error or fatal (pino's 50 and 60), as written. */
  readonly errorLines: string[] = [];

  private constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (/"level":(5|6)0\b/.test(line)) this.errorLines.push(line);
    });
  }

  /** True once the process has ended, by itself or killed. */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Starts it and resolves once a log line contains `ready` (what the app says when it has started its work). */
  static async start(
    app: 'gateway' | 'worker' | 'api',
    env: Record<string, string>,
    ready: string,
  ): Promise<AppProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const errors: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
    keepLog(app, child);
    const lines = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        if (line.includes(ready)) resolve();
      });
      child.once('exit', (code) =>
        reject(new Error(`${app} exited (${code}) before saying "${ready}": ${errors.join('')}`)),
      );
    });
    return new AppProcess(child);
  }

  /** Its process id, to read its memory from /proc. */
  get pid(): number {
    return this.child.pid!;
  }

  /** SIGKILL: no drain, no goodbye; what it held unfinished stays with the broker or the queue. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM: the app finishes what it holds, then exits. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
