import type { Severity } from '../alerts/severity';

/**
 * What each rule raises, and its label for the console.
 * STORED OUTSIDE THE CODE: the keys are rule codes kept in the alerts table and in per-elder settings, and
 * reports count false alarms by them. Never rename a code; add a new one and migrate the rows instead.
 */
export const RULES = {
  sos: { severity: 'critical', zh: '紧急呼叫', en: 'SOS pressed' },
  fall: { severity: 'critical', zh: '跌倒', en: 'fall detected' },
  vitals: { severity: 'urgent', zh: '体征异常', en: 'vital signs out of range' },
  'no-water': { severity: 'check-on', zh: '长时间未用水', en: 'no water used' },
  'water-running': { severity: 'urgent', zh: '持续用水', en: 'water running' },
  'water-register-backwards': { severity: 'maintenance', zh: '水表读数倒退', en: 'water register went backwards' },
  'left-safe-zone': { severity: 'urgent', zh: '离开安全区域', en: 'left the safe zone' },
  'not-worn': { severity: 'notice', zh: '未佩戴手环', en: 'watch not worn' },
  'device-silent': { severity: 'maintenance', zh: '设备离线', en: 'device offline' },
  'battery-low': { severity: 'maintenance', zh: '电量低', en: 'battery low' },
  'water-baseline': { severity: 'check-on', zh: '用水习惯异常', en: 'water use unlike usual' },
  'care-call-unanswered': { severity: 'check-on', zh: '关怀电话未接通', en: 'care call unanswered' },
  /** Urgent for an elder living alone (see `missedVisitSeverity`). */
  'visit-missed': { severity: 'check-on', zh: '上门服务未到', en: 'home-care visit missed' },
  /** A visit to an elder at risk overdue by its schedule: someone checks on the elder. */
  'risk-visit-overdue': { severity: 'check-on', zh: '巡访逾期', en: 'visit to an elder at risk overdue' },
  /** What a visitor found; as grave as the finding (see `findingAlertSeverity`). */
  'risk-visit-finding': { severity: 'check-on', zh: '巡访发现问题', en: 'problem found on a visit' },
  /** Up at night and not back in bed: perhaps a fall on the way. */
  'bed-no-return': { severity: 'urgent', zh: '夜间离床未归', en: 'not back in bed after getting up at night' },
  'out-of-bed-at-night': { severity: 'check-on', zh: '夜间离床过久', en: 'out of bed too long at night' },
} as const satisfies Record<string, { severity: Severity; zh: string; en: string }>;

/** A stable rule code: what raised an alert. */
export type RuleCode = keyof typeof RULES;

/** Every rule code, in the order of the table. */
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

/** True when `value` is a rule code (stored rows and settings are text, so they are checked before use). */
export function isRuleCode(value: string): value is RuleCode {
  return Object.hasOwn(RULES, value);
}

/** The severity an alert of `rule` carries. */
export function severityOf(rule: RuleCode): Severity {
  return RULES[rule].severity;
}
