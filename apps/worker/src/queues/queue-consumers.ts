import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JobName, QueueName } from '@eldercare/contracts';
import { consume, type JobConsumer } from '@eldercare/job-bus';
import { EscalationService } from '../alerts/escalation.service';
import { MissedVisitSweeper } from '../home-care/missed-visit-sweeper';
import { AbandonedRequestReleaser } from '../time-bank/abandoned-request-releaser';
import { OverdueVisitSweeper } from '../risk-visits/overdue-visit-sweeper';
import { WorkOrderGenerator } from '../home-care/work-order-generator';
import { RuleEngineService } from '../rules/rule-engine.service';
import { WaterBaselineScheduler } from '../rules/water-baseline.scheduler';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';

/**
 * Glue from the worker's queues, all but `device-alarms` (see AlarmConsumer), to its services: each job name to one
 * service call.
 */
@Injectable()
export class QueueConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueConsumers.name);
  private consumers: JobConsumer[] = [];

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly engine: RuleEngineService,
    private readonly escalations: EscalationService,
    private readonly baselines: WaterBaselineScheduler,
    private readonly workOrders: WorkOrderGenerator,
    private readonly missedVisits: MissedVisitSweeper,
    private readonly abandonedRequests: AbandonedRequestReleaser,
    private readonly overdueVisits: OverdueVisitSweeper,
  ) {}

  onApplicationBootstrap(): void {
    const { concurrency, lockMs } = this.options;
    const one = { logger: this.logger, lockMs };
    const many = { ...one, concurrency };
    this.consumers = [
      consume(
        QueueName.DeviceEvents,
        {
          [JobName.ProcessDeviceReadings]: ({ readings }) => this.engine.handleReadings(readings),
          [JobName.ProcessDeviceEvent]: (event) => this.engine.handleReadings([event]),
          [JobName.ProcessDeviceStatus]: (status) => this.engine.handleStatus(status),
        },
        this.options,
        many,
      ),
      consume(
        QueueName.RuleTimers,
        {
          [JobName.FireRuleTimer]: (timer) => this.engine.handleTimer(timer),
          [JobName.CheckWaterBaselines]: (_, job) => this.baselines.fanOut(job.timestamp),
          [JobName.CheckWaterBaseline]: (check) => this.engine.handleWaterBaseline(check),
        },
        this.options,
        many,
      ),
      consume(
        QueueName.AlertEscalations,
        {
          [JobName.EscalateAlert]: (escalation, job) =>
            this.escalations.escalate(escalation, job.timestamp + (job.opts.delay ?? 0)),
        },
        this.options,
        one,
      ),
      consume(
        QueueName.HomeCare,
        {
          [JobName.GenerateWorkOrders]: () => this.workOrders.generate(),
          [JobName.SweepMissedVisits]: () => this.missedVisits.sweep(),
          [JobName.ReleaseAbandonedVolunteerRequests]: () => this.abandonedRequests.sweep(),
          [JobName.SweepOverdueRiskVisits]: () => this.overdueVisits.sweep(),
        },
        this.options,
        one,
      ),
    ];
    this.logger.log(`taking device events, ${concurrency} at a time`);
  }

  /** Stops taking jobs and finishes the running ones before the queues the services produce to are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.close()));
  }
}
