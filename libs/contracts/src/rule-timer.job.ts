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
