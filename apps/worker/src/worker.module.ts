import { Module, type DynamicModule } from '@nestjs/common';
import { DeviceEventsProcessor } from './device-events/device-events.processor';
import { WORKER_OPTIONS, type WorkerOptions } from './worker.options';

/** BullMQ processors: device events now; rules, escalation and care-plan scheduling build on it. */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerOptions): DynamicModule {
    return {
      module: WorkerModule,
      providers: [{ provide: WORKER_OPTIONS, useValue: options }, DeviceEventsProcessor],
      exports: [DeviceEventsProcessor],
    };
  }
}
