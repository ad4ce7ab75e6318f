import type { TimelineEntry } from '@eldercare/contracts';
import { outcomeLabel, ruleLabel } from '../i18n/labels';
import { translateCode, type Locale } from '../i18n/translate';

const DISPATCH_DETAIL = /^([a-z-]+): (.*)$/s;

/**
 * An entry's detail in the reader's words. The api writes some details as codes (the rule of `raised`, the step of
 * `escalated`, the outcome of `resolved`, the kind before a dispatch's `: `); the rest is free text, shown as sent.
 */
export function timelineDetail(entry: Pick<TimelineEntry, 'kind' | 'detail'>, locale: Locale): string | null {
  const { detail } = entry;
  if (detail === null || detail === '') return null;
  switch (entry.kind) {
    case 'raised':
      return ruleLabel(detail, locale);
    case 'escalated':
      return translateCode(locale, 'escalation', detail);
    case 'resolved':
      return outcomeLabel(detail, locale);
    case 'dispatch': {
      const match = DISPATCH_DETAIL.exec(detail);
      return match ? `${translateCode(locale, 'dispatch-kind', match[1])}: ${match[2]}` : detail;
    }
    default:
      return detail;
  }
}
