import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { PersistenceOptions } from '@eldercare/persistence';
import { join } from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';
import { countRaisedAlertHere, type CountRaisedAlert, type RaisedAlert } from '../alerts/raised-alerts';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';

/** What the alarm lane's thread starts from. */
export interface AlarmLaneData {
  database: PersistenceOptions;
  worker: WorkerOptions;
  logLevel: string;
}

/** What the thread tells the worker that started it. */
export type AlarmLaneMessage = { type: 'ready' } | ({ type: 'alert-raised' } & RaisedAlert);

/** What the worker tells the thread. */
export type AlarmLaneCommand = { type: 'stop' };

/** The thread's entry: compiled beside this file, or its source where the worker itself runs from source. */
const ENTRY = join(__dirname, `alarm-lane.main${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
/** A thread started from source compiles it as it loads; compiled, it inherits this process's options. */
const THREAD_OPTIONS = ENTRY.endsWith('.ts') ? { execArgv: ['-r', '@swc-node/register'] } : {};
const RESTART_AFTER_MS = 1_000;
/** Time the thread has to finish its running alarms when the worker stops, before it is terminated. */
const STOP_WITHIN_MS = 30_000;

/**
 * Runs `device-alarms` in a thread of its own (`alarmLane: { runs: 'thread' }`), restarted if it stops by itself.
 * A job it held when it died goes back to the queue once its lock lapses, as with any worker that dies.
 */
@Injectable()
export class AlarmLaneThread implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AlarmLaneThread.name);
  private thread?: Worker;
  private restart?: NodeJS.Timeout;
  private stopping = false;

  constructor(@Inject(WORKER_OPTIONS) private readonly options: WorkerOptions) {}

  /** Resolves once the thread takes alarms; rejects, failing the worker's start, if it cannot. */
  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    const thread = this.thread;
    if (!thread) return;
    const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
    thread.postMessage({ type: 'stop' } satisfies AlarmLaneCommand);
    const late = setTimeout(() => void thread.terminate(), STOP_WITHIN_MS);
    await exited;
    clearTimeout(late);
  }

  private start(): Promise<void> {
    const lane = this.options.alarmLane;
    if (lane?.runs !== 'thread') throw new Error('the alarm lane runs in a thread only with alarmLane.runs "thread"');
    const workerData: AlarmLaneData = { database: lane.database, worker: this.options, logLevel: lane.logLevel };
    const thread = new Worker(ENTRY, { ...THREAD_OPTIONS, workerData });
    this.thread = thread;
    return new Promise<void>((resolve, reject) => {
      thread.on('message', (message: AlarmLaneMessage) => {
        if (message.type === 'ready') resolve();
        else countRaisedAlertHere({ rule: message.rule, severity: message.severity });
      });
      thread.on('error', (error) => {
        this.logger.error(`alarm lane failed: ${error.stack ?? error.message}`);
        reject(error);
      });
      thread.once('exit', (code) => {
        this.thread = undefined;
        reject(new Error(`the alarm lane stopped with code ${code} before it took alarms`));
        if (this.stopping) return;
        this.logger.error(`the alarm lane stopped with code ${code}: starting it again`);
        this.restart = setTimeout(() => void this.start().catch(() => undefined), RESTART_AFTER_MS);
      });
    });
  }
}

/** How the thread counts the alerts it raises: in the metrics of the worker that started it, which serves them. */
export const countRaisedAlertInStarter: CountRaisedAlert = (alert) =>
  parentPort!.postMessage({ type: 'alert-raised', ...alert } satisfies AlarmLaneMessage);
