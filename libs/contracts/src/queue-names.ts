/**
 * Queue and job names.
 * STORED OUTSIDE THE CODE: these strings are keys in Redis with jobs waiting under them.
 * Never rename one without a migration that drains or moves the old queue.
 */
export const QueueName = {
  /** Stored device messages and online/offline changes, gateway to worker. */
  DeviceEvents: 'device-events',
  /**
   * Stored sos, fall and cancel, gateway to worker: the alarm lane, with its own consumer, so that no backlog of
   * readings on `device-events` is ever ahead of an alarm.
   */
  DeviceAlarms: 'device-alarms',
  /** Delayed jobs of the time-based rules (no water, silent device, not worn, outside the safe zone, water running). */
  RuleTimers: 'rule-timers',
  /** Delayed jobs that escalate an alert nobody acknowledged. */
  AlertEscalations: 'alert-escalations',
  /** Alerts raised or changed and work orders changed, worker and api to api (live console events); see DispatchPriority. */
  Dispatch: 'dispatch',
  /** Downlinks for devices from processes without a broker connection, sent by the gateway. */
  DeviceDownlinks: 'device-downlinks',
  /**
   * Care plans turned into work orders ahead of time, the sweep for visits nobody checked in to, and the one for
   * time-bank requests nobody came for, and the one for visits to elders at risk gone overdue.
   */
  HomeCare: 'home-care',
  /** The monthly report made on schedule into the report archive. */
  Reports: 'reports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  ProcessDeviceEvent: 'process-device-event',
  ProcessDeviceReadings: 'process-device-readings',
  ProcessDeviceStatus: 'process-device-status',
  FireRuleTimer: 'fire-rule-timer',
  CheckWaterBaselines: 'check-water-baselines',
  CheckWaterBaseline: 'check-water-baseline',
  EscalateAlert: 'escalate-alert',
  AnnounceAlert: 'announce-alert',
  SendDownlink: 'send-downlink',
  GenerateWorkOrders: 'generate-work-orders',
  SweepMissedVisits: 'sweep-missed-visits',
  ReleaseAbandonedVolunteerRequests: 'release-abandoned-volunteer-requests',
  SweepOverdueRiskVisits: 'sweep-overdue-risk-visits',
  AnnounceWorkOrder: 'announce-work-order',
  ArchiveMonthlyReport: 'archive-monthly-report',
} as const;

/**
 * BullMQ priorities of `dispatch` jobs (lower runs first). Every job there carries one, because BullMQ takes a job
 * without a priority before any job with one: an alarm's announcement is taken before every routine one queued.
 */
export const DispatchPriority = {
  /** Announcements of sos and fall alerts. */
  Alarm: 1,
  /** Everything else: other alerts, escalations, operators' changes, work orders. */
  Routine: 10,
} as const;
export type DispatchPriority = (typeof DispatchPriority)[keyof typeof DispatchPriority];

/** Job schedulers of the home-care queue: one each in Redis, however many workers upsert them. */
export const GENERATE_WORK_ORDERS_SCHEDULER_ID = 'generate-work-orders';
export const SWEEP_MISSED_VISITS_SCHEDULER_ID = 'sweep-missed-visits';
/** The job scheduler of the reports queue: the month before, archived on the first of each month. */
export const ARCHIVE_MONTHLY_REPORT_SCHEDULER_ID = 'archive-monthly-report';
export const RELEASE_ABANDONED_VOLUNTEER_REQUESTS_SCHEDULER_ID = 'release-abandoned-volunteer-requests';
export const SWEEP_OVERDUE_RISK_VISITS_SCHEDULER_ID = 'sweep-overdue-risk-visits';
export type JobName = (typeof JobName)[keyof typeof JobName];
