import { Injectable } from '@nestjs/common';
import { JobName, ruleTimerJobId } from '@eldercare/contracts';
import { WorkerQueues } from '../queues/worker-queues';

/**
 * Keeps the delayed timer jobs of one device in line with what its rule state wants. Runs after every evaluation,
 * also for a redelivered event, so a worker that died between commit and scheduling is repaired by the retry.
 */
@Injectable()
export class RuleTimerScheduler {
  constructor(private readonly queues: WorkerQueues) {}

  async sync(
    deviceId: string,
    elderId: string,
    wanted: Record<string, number>,
    before: Record<string, number>,
    now: number,
  ): Promise<void> {
    const moved = Object.entries(before).filter(([timer, dueAt]) => wanted[timer] !== dueAt);
    await Promise.all(moved.map(([timer, dueAt]) => this.remove(ruleTimerJobId(deviceId, timer, dueAt))));
    await this.queues.timers.addBulk(
      Object.entries(wanted).map(([timer, dueAt]) => ({
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

  private async remove(jobId: string): Promise<void> {
    try {
      await this.queues.timers.remove(jobId);
    } catch (error) {
      // Locked: it is firing right now, and will find itself stale against the rule state and do nothing.
      if (!/locked/i.test((error as Error).message)) throw error;
    }
  }
}
