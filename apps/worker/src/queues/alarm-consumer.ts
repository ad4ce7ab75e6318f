import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JobName, QueueName } from '@eldercare/contracts';
import { consume, type JobConsumer } from '@eldercare/job-bus';
import { RuleEngineService } from '../rules/rule-engine.service';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';

/** Glue from `device-alarms` to the rules: a consumer of its own, whose slots no reading can take. */
@Injectable()
export class AlarmConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AlarmConsumer.name);
  private consumer?: JobConsumer;

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly engine: RuleEngineService,
  ) {}

  onApplicationBootstrap(): void {
    const { alarmConcurrency: concurrency, lockMs } = this.options;
    this.consumer = consume(
      QueueName.DeviceAlarms,
      { [JobName.ProcessDeviceEvent]: (event) => this.engine.handleEvent(event) },
      this.options,
      { logger: this.logger, lockMs, concurrency },
    );
    this.logger.log(`taking alarms, ${concurrency} at a time`);
  }

  /** Stops taking alarms and finishes the running ones before the queues the rules produce to are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.close();
  }
}
