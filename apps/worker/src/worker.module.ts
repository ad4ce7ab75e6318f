import { OutboxRelay } from '@eldercare/job-bus';
import { JobOutboxRepository } from '@eldercare/persistence';
import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { AlarmLaneThread, countRaisedAlertInStarter } from './alarm-lane/alarm-lane-thread';
import { AlertAnnouncer } from './alerts/alert-announcer';
import { EscalationService } from './alerts/escalation.service';
import { COUNT_RAISED_ALERT, countRaisedAlertHere } from './alerts/raised-alerts';
import { HomeCareScheduler } from './home-care/home-care.scheduler';
import { AbandonedRequestReleaser } from './time-bank/abandoned-request-releaser';
import { OverdueVisitSweeper } from './risk-visits/overdue-visit-sweeper';
import { MissedVisitSweeper } from './home-care/missed-visit-sweeper';
import { WorkOrderGenerator } from './home-care/work-order-generator';
import { AlarmConsumer } from './queues/alarm-consumer';
import { QueueConsumers } from './queues/queue-consumers';
import { WorkerQueues } from './queues/worker-queues';
import { DeviceProgress } from './rules/device-progress';
import { DeviceTurns } from './rules/device-turns';
import { RuleEngineService } from './rules/rule-engine.service';
import { RuleTimerScheduler } from './rules/rule-timer.scheduler';
import { WaterBaselineScheduler } from './rules/water-baseline.scheduler';
import { WORKER_OPTIONS, type WorkerOptions } from './worker.options';

/**
 * Relays the outbox rows of the queues the worker produces to (the api relays its own: the one row of `dispatch`
 * either finds is queued once, under its job id). The alarm lane's thread relays its own rows only: the worker that
 * started it sweeps for rows left behind.
 */
const outboxRelay = (sweeps: boolean): Provider => ({
  provide: OutboxRelay,
  useFactory: (outbox: JobOutboxRepository, queues: WorkerQueues) =>
    new OutboxRelay(outbox, [queues.dispatch, queues.escalations], new Logger('WorkerOutboxRelay'), sweeps),
  inject: [JobOutboxRepository, WorkerQueues],
});

/** What the rules need, alarms and readings alike. */
const RULES: Provider[] = [
  WorkerQueues,
  RuleTimerScheduler,
  AlertAnnouncer,
  DeviceTurns,
  { provide: DeviceProgress, useFactory: () => new DeviceProgress() },
  RuleEngineService,
];

/** Everything but alarms: readings, status, timers, escalations, home care and their schedules. */
const ROUTINE: Provider[] = [
  QueueConsumers,
  EscalationService,
  WaterBaselineScheduler,
  WorkOrderGenerator,
  MissedVisitSweeper,
  HomeCareScheduler,
  AbandonedRequestReleaser,
  OverdueVisitSweeper,
];

/**
 * BullMQ processors: device events through the rules, rule timers, alert escalation, home-care orders. Needs
 * PersistenceModule. Alarms are taken as `alarmLane` says: here, in a thread this module starts, or nothing else.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerOptions): DynamicModule {
    const lane = options.alarmLane?.runs ?? 'inline';
    return {
      module: WorkerModule,
      providers: [
        { provide: WORKER_OPTIONS, useValue: options },
        { provide: COUNT_RAISED_ALERT, useValue: lane === 'alone' ? countRaisedAlertInStarter : countRaisedAlertHere },
        outboxRelay(lane !== 'alone'),
        ...RULES,
        lane === 'thread' ? AlarmLaneThread : AlarmConsumer,
        ...(lane === 'alone' ? [] : ROUTINE),
      ],
      exports:
        lane === 'alone'
          ? [RuleEngineService]
          : [RuleEngineService, WorkOrderGenerator, MissedVisitSweeper, AbandonedRequestReleaser, OverdueVisitSweeper],
    };
  }
}
