import { Injectable } from '@nestjs/common';
import { JobName, ruleTimerJobId } from '@eldercare/contracts';
import { WorkerQueues } from '../queues/worker-queues';

type Timers = Record<string, number>;

/** One device's timers before an evaluation and after it. */
export interface TimerMove {
  deviceId: string;
  elderId: string;
  before: Timers;
  wanted: Timers;
}

/**
 * Keeps the delayed timer jobs of devices in line with what their rule states want, touching only the timers an
 * evaluation moved. A moved timer's new job is added before the state that wants it is committed, and its old job
 * removed after: Redis holds every timer a committed state wants at every moment, so a worker that dies anywhere in
 * between leaves at most a stale job, which finds itself stale against the rule state when it fires and does nothing.
 */
@Injectable()
export class RuleTimerScheduler {
  constructor(private readonly queues: WorkerQueues) {}

  /** Before commit: a job for each timer `wanted` at another time than `before`, all in one round trip. */
  async addMoved(moves: TimerMove[], now: number): Promise<void> {
    const added = moves.flatMap(({ deviceId, elderId, before, wanted }) =>
      Object.entries(wanted)
        .filter(([timer, dueAt]) => before[timer] !== dueAt)
        .map(([timer, dueAt]) => ({ deviceId, elderId, timer, dueAt })),
    );
    if (added.length === 0) return;
    await this.queues.timers.addBulk(
      added.map((data) => ({
        name: JobName.FireRuleTimer,
        data,
        opts: {
          jobId: ruleTimerJobId(data.deviceId, data.timer, data.dueAt),
          delay: Math.max(0, data.dueAt - now),
          removeOnComplete: true,
        },
      })),
    );
  }

  /** After commit: removes the job of each timer of `before` that `wanted` moved or dropped. */
  async removeMoved(moves: TimerMove[]): Promise<void> {
    const removed = moves.flatMap(({ deviceId, before, wanted }) =>
      Object.entries(before)
        .filter(([timer, dueAt]) => wanted[timer] !== dueAt)
        .map(([timer, dueAt]) => ruleTimerJobId(deviceId, timer, dueAt)),
    );
    await Promise.all(removed.map((jobId) => this.remove(jobId)));
  }

  private async remove(jobId: string): Promise<void> {
    try {
      await this.queues.timers.remove(jobId);
    } catch (error) {
      // Locked: it is firing right now, and will find itself stale against the rule state and do nothing.
      if (!/locked/i.test((error as Error).message)) throw error;
    }
  }
}
