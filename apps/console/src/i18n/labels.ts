import type { Role } from '@eldercare/contracts';
import {
  ALERT_OUTCOMES,
  ELDER_CATEGORIES,
  ROLE_LABELS,
  RULES,
  SERVICES,
  SEVERITY_LABELS,
  type Severity,
} from '@eldercare/domain';
import type { Locale } from './translate';

type Labelled = { zh: string; en: string };

function lookup(table: Record<string, Labelled>, code: string, locale: Locale): string {
  // Codes come from the server as text; one this console does not know yet still shows, as its code.
  const entry = Object.hasOwn(table, code) ? table[code] : undefined;
  if (!entry) return code;
  return locale === 'en' ? entry.en : entry.zh;
}

/** 危急, 紧急 … */
export function severityLabel(severity: Severity, locale: Locale): string {
  return lookup(SEVERITY_LABELS, severity, locale);
}

/** What raised the alert: 紧急呼叫, 跌倒 … */
export function ruleLabel(rule: string, locale: Locale): string {
  return lookup(RULES, rule, locale);
}

/** How the alert was closed. */
export function outcomeLabel(outcome: string, locale: Locale): string {
  return lookup(ALERT_OUTCOMES, outcome, locale);
}

/** A registry category: 独居, 高龄 … */
export function categoryLabel(category: string, locale: Locale): string {
  return lookup(ELDER_CATEGORIES, category, locale);
}

/** 调度员, 家属 … */
export function roleLabel(role: Role, locale: Locale): string {
  return lookup(ROLE_LABELS, role, locale);
}

/** A service of the city's list: 助餐（送餐）, 助浴 … */
export function serviceLabel(service: string, locale: Locale): string {
  return lookup(SERVICES, service, locale);
}
