import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { checkWaterBaselineJobId, JobName, WATER_BASELINE_SCHEDULER_ID } from '@eldercare/contracts';
import { WaterUseRepository } from '@eldercare/persistence';
import { WorkerQueues } from '../queues/worker-queues';

const HOUR_MS = 3_600_000;

/**
 * Once an hour, a check of every water meter against its elder's learned baseline: one scheduler in Redis (however
 * many workers upsert it), fanned out to one job per meter and hour, so each hour is checked once.
 */
@Injectable()
export class WaterBaselineScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly queues: WorkerQueues,
    private readonly waterUse: WaterUseRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.timers.upsertJobScheduler(
      WATER_BASELINE_SCHEDULER_ID,
      { pattern: '1 * * * *' },
      { name: JobName.CheckWaterBaselines },
    );
  }

  /** One check job per meter for the hour that ended last before `now`. */
  async fanOut(now: number): Promise<void> {
    const hourEnd = Math.floor(now / HOUR_MS) * HOUR_MS;
    const meters = await this.waterUse.metersInService();
    await this.queues.timers.addBulk(
      meters.map((meter) => ({
        name: JobName.CheckWaterBaseline,
        data: { ...meter, hourEnd },
        opts: { jobId: checkWaterBaselineJobId(meter.deviceId, hourEnd), removeOnComplete: true },
      })),
    );
  }
}
