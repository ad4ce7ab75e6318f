/**
 * How an alert was closed, chosen by the operator; reports count false alarms per rule and device model by them.
 * STORED OUTSIDE THE CODE: alerts rows keep these codes. Never rename one; add a code and migrate instead.
 */
export const ALERT_OUTCOMES = {
  'false-alarm-pressed-by-mistake': { zh: '误报：误按', en: 'false alarm: pressed by mistake', falseAlarm: true },
  'false-alarm-device-fault': { zh: '误报：设备故障', en: 'false alarm: device fault', falseAlarm: true },
  'elder-fine-after-call': { zh: '电话确认老人无恙', en: 'elder fine after a call', falseAlarm: false },
  'family-went': { zh: '家属已上门', en: 'family went', falseAlarm: false },
  'caregiver-sent': { zh: '已派护理员', en: 'caregiver sent', falseAlarm: false },
  'ambulance-called': { zh: '已呼叫急救', en: 'ambulance called', falseAlarm: false },
  hospitalised: { zh: '已住院', en: 'hospitalised', falseAlarm: false },
  'no-answer-visited': { zh: '无人接听，已上门', en: 'no answer, visited', falseAlarm: false },
  other: { zh: '其他（须说明）', en: 'other (with a reason)', falseAlarm: false },
  /** Set by the platform, never chosen: a silent device talked again, which resolves its device-silent alert. */
  'device-back-online': { zh: '设备已恢复在线', en: 'device back online', falseAlarm: false },
} as const satisfies Record<string, { zh: string; en: string; falseAlarm: boolean }>;

/** One of the outcome codes. */
export type AlertOutcome = keyof typeof ALERT_OUTCOMES;

/** True when `value` is an outcome code (codes reach the domain as text from requests and rows). */
export function isAlertOutcome(value: string): value is AlertOutcome {
  return Object.hasOwn(ALERT_OUTCOMES, value);
}

/** The outcomes only the platform sets; an operator closing an alert chooses among the others. */
export const PLATFORM_OUTCOMES: readonly AlertOutcome[] = ['device-back-online'];

/** The outcomes an operator may close an alert with, in the order the console offers them. */
export const OPERATOR_OUTCOMES = (Object.keys(ALERT_OUTCOMES) as AlertOutcome[]).filter(
  (outcome) => !PLATFORM_OUTCOMES.includes(outcome),
) as [AlertOutcome, ...AlertOutcome[]];

/** True when an operator may close an alert with `value`. */
export function isOperatorOutcome(value: string): value is AlertOutcome {
  return isAlertOutcome(value) && !PLATFORM_OUTCOMES.includes(value);
}

/** True for the outcomes that say nothing was wrong with the elder: the alert should not have been raised. */
export function isFalseAlarm(outcome: AlertOutcome): boolean {
  return ALERT_OUTCOMES[outcome].falseAlarm;
}
