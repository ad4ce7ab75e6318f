import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  JobName,
  QueueName,
  type CheckWaterBaselineJob,
  type DeviceEventJob,
  type DeviceStatusJob,
  type EscalateAlertJob,
  type RuleTimerJob,
} from '@eldercare/contracts';
import type { Worker } from 'bullmq';
import { EscalationService } from '../alerts/escalation.service';
import { MissedVisitSweeper } from '../home-care/missed-visit-sweeper';
import { WorkOrderGenerator } from '../home-care/work-order-generator';
import { RuleEngineService } from '../rules/rule-engine.service';
import { WaterBaselineScheduler } from '../rules/water-baseline.scheduler';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';
import { consume } from './consume';
import type { RuleTimersQueueJob } from './worker-queues';

/** Glue from the worker's queues to its services: each job name to one service call. */
@Injectable()
export class QueueConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueConsumers.name);
  private workers: Worker[] = [];

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly engine: RuleEngineService,
    private readonly escalations: EscalationService,
    private readonly baselines: WaterBaselineScheduler,
    private readonly workOrders: WorkOrderGenerator,
    private readonly missedVisits: MissedVisitSweeper,
  ) {}

  onApplicationBootstrap(): void {
    const { concurrency } = this.options;
    this.workers = [
      consume<DeviceEventJob | DeviceStatusJob>(
        QueueName.DeviceEvents,
        this.options,
        this.logger,
        (job) =>
          job.name === JobName.ProcessDeviceStatus
            ? this.engine.handleStatus(job.data as DeviceStatusJob)
            : this.engine.handleEvent(job.data as DeviceEventJob),
        concurrency,
      ),
      consume<RuleTimersQueueJob>(
        QueueName.RuleTimers,
        this.options,
        this.logger,
        (job) => {
          if (job.name === JobName.CheckWaterBaselines) return this.baselines.fanOut(job.timestamp);
          if (job.name === JobName.CheckWaterBaseline)
            return this.engine.handleWaterBaseline(job.data as CheckWaterBaselineJob);
          return this.engine.handleTimer(job.data as RuleTimerJob);
        },
        concurrency,
      ),
      consume<EscalateAlertJob>(QueueName.AlertEscalations, this.options, this.logger, (job) =>
        this.escalations.escalate(job.data, job.timestamp + (job.opts.delay ?? 0)),
      ),
      consume<Record<string, never>>(QueueName.HomeCare, this.options, this.logger, async (job) => {
        if (job.name === JobName.GenerateWorkOrders) await this.workOrders.generate();
        else await this.missedVisits.sweep();
      }),
    ];
    this.logger.log(`taking device events, ${concurrency} at a time`);
  }

  /** Stops taking jobs and finishes the running ones before the queues the services produce to are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
