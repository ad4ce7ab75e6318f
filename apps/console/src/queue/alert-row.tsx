import type { AlertView } from '@eldercare/contracts';
import { useRef } from 'react';
import { Link } from 'react-router';
import { casePath } from '../app/pages';
import { formatDuration, formatTimeOfDay, secondsSince } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { ruleLabel } from '../i18n/labels';
import { answerClock, type AnswerTargets } from './answer-clock';
import { AnswerClockView } from './answer-clock-view';
import { CategoryTags } from './category-tags';
import { SeverityBadge } from './severity-badge';
import { useShownReport } from './use-shown-report';

/** One open alert in the queue: what, who, where, how long, and who has it. The whole row opens the case. */
export function AlertRow({ alert, now, targets }: { alert: AlertView; now: number; targets: AnswerTargets }) {
  const { t, locale } = useI18n();
  const row = useRef<HTMLAnchorElement>(null);
  useShownReport(row, alert.id);
  const clock = answerClock(alert, now, targets);

  return (
    <Link
      ref={row}
      to={casePath(alert.id)}
      className={`queue-row row-${alert.severity} row-${alert.status}${alert.claimedBy ? ' row-claimed' : ''}`}
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-severity={alert.severity}
      data-status={alert.status}
    >
      <span className="cell">
        <SeverityBadge severity={alert.severity} />
      </span>
      <span className="cell cell-rule">
        <strong data-testid="alert-rule">{ruleLabel(alert.rule, locale)}</strong>
        {alert.triggerCount > 1 && (
          <span className="trigger-count">{t('queue.triggers', { count: alert.triggerCount })}</span>
        )}
        {alert.escalation && !alert.claimedBy && (
          <span className="flag flag-escalated">{t(`escalation.${alert.escalation}`)}</span>
        )}
      </span>
      <span className="cell cell-elder">
        <span className="elder-line">
          <strong data-testid="alert-elder">{alert.elder.name}</strong>
          <span className="muted">
            {t(`gender.${alert.elder.gender}`)} · {t('elder.age', { age: alert.elder.age })}
          </span>
        </span>
        <CategoryTags categories={alert.elder.categories} />
      </span>
      <span className="cell cell-place">
        <span>{alert.place.community}</span>
        <span className="muted">{alert.place.street}</span>
      </span>
      <span className="cell cell-time">
        <span className="mono">{formatTimeOfDay(alert.raisedAt)}</span>
        <span className="muted">
          {t('time.ago', { duration: formatDuration(secondsSince(alert.raisedAt, now), locale) })}
        </span>
      </span>
      <span className="cell">
        <AnswerClockView clock={clock} />
      </span>
      <span className="cell cell-claim" data-testid="alert-claimed-by">
        {alert.claimedBy ? (
          <span className="claimed">{alert.claimedBy.displayName}</span>
        ) : (
          <span className="unclaimed">{t('queue.nobody')}</span>
        )}
      </span>
    </Link>
  );
}
