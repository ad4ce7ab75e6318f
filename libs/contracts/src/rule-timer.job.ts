/** A time-based rule's check for one device, due at the job's delay. */
export interface RuleTimerJob {
  deviceId: string;
  elderId: string;
  /** A `TimerKind` of the domain's rules. */
  timer: string;
  dueAt: number;
}

/**
 * One delayed job per device, timer and due time: scheduling the same timer again adds nothing, a restart finds it
 * in Redis, and a timer moved to a new time gets a new job while the old one is removed (or, if it already runs,
 * finds itself stale against the rule state and does nothing).
 */
export function ruleTimerJobId(deviceId: string, timer: string, dueAt: number): string {
  return `rule-timer-${deviceId}-${timer}-${dueAt}`;
}

/** Compares one water meter's last hours with what its elder's own past weeks make likely. */
export interface CheckWaterBaselineJob {
  deviceId: string;
  elderId: string;
  /** The hour being checked (epoch ms of its end); part of the job id, so each hour is checked once. */
  hourEnd: number;
}

export function checkWaterBaselineJobId(deviceId: string, hourEnd: number): string {
  return `water-baseline-${deviceId}-${hourEnd}`;
}

/** The job scheduler that fans the hourly check out to every meter. STORED OUTSIDE THE CODE (Redis). */
export const WATER_BASELINE_SCHEDULER_ID = 'water-baselines-hourly';
