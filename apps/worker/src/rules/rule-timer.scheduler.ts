import { Injectable } from '@nestjs/common';
import { JobName, ruleTimerJobId } from '@eldercare/contracts';
import { WorkerQueues } from '../queues/worker-queues';

type Timers = Record<string, number>;

/**
 * Keeps the delayed timer jobs of one device in line with what its rule state wants, touching only the timers an
 * evaluation moved. A moved timer's new job is added before the state that wants it is committed, and its old job
 * removed after: Redis holds every timer a committed state wants at every moment, so a worker that dies anywhere in
 * between leaves at most a stale job, which finds itself stale against the rule state when it fires and does nothing.
 */
@Injectable()
export class RuleTimerScheduler {
  constructor(private readonly queues: WorkerQueues) {}

  /** Before commit: a job for each timer `wanted` at another time than `before`. */
  async addMoved(deviceId: string, elderId: string, before: Timers, wanted: Timers, now: number): Promise<void> {
    const added = Object.entries(wanted).filter(([timer, dueAt]) => before[timer] !== dueAt);
    if (added.length === 0) return;
    await this.queues.timers.addBulk(
      added.map(([timer, dueAt]) => ({
        name: JobName.FireRuleTimer,
        data: { deviceId, elderId, timer, dueAt },
        opts: {
          jobId: ruleTimerJobId(deviceId, timer, dueAt),
          delay: Math.max(0, dueAt - now),
          removeOnComplete: true,
        },
      })),
    );
  }

  /** After commit: removes the job of each timer of `before` that `wanted` moved or dropped. */
  async removeMoved(deviceId: string, before: Timers, wanted: Timers): Promise<void> {
    const moved = Object.entries(before).filter(([timer, dueAt]) => wanted[timer] !== dueAt);
    await Promise.all(moved.map(([timer, dueAt]) => this.remove(ruleTimerJobId(deviceId, timer, dueAt))));
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
