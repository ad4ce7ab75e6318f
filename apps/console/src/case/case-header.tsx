import type { AlertView } from '@eldercare/contracts';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { claimAlert } from '../api/alerts-api';
import { useConsole } from '../app/console-session';
import { useSession } from '../app/session-context';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { outcomeLabel, ruleLabel } from '../i18n/labels';
import { FALLBACK_SETTINGS } from '../api/console-settings-api';
import { answerClock } from '../queue/answer-clock';
import { AnswerClockView } from '../queue/answer-clock-view';
import { SeverityBadge } from '../queue/severity-badge';
import { useNow } from '../shared/use-now';
import { useSubmit } from '../shared/use-submit';
import { readingFacts } from './reading-facts';

/** What the alert is, where it stands, who has it; and the claim button while nobody does. */
export function CaseHeader({
  alert,
  workable,
  onChanged,
}: {
  alert: AlertView;
  workable: boolean;
  onChanged: () => void;
}) {
  const { http, user } = useSession();
  const settings = useConsole()?.settings ?? FALLBACK_SETTINGS;
  const { t, locale } = useI18n();
  const now = useNow();
  const claim = useSubmit();
  const [lostClaim, setLostClaim] = useState(false);
  const evidence = readingFacts(alert.evidence, locale);

  const claimIt = async () => {
    setLostClaim(false);
    await claim.run(async () => {
      try {
        await claimAlert(http, alert.id);
      } catch (failure) {
        // Someone was quicker: the fresh case shows who.
        if (failure instanceof ApiError && failure.code === 'alert-already-acknowledged') setLostClaim(true);
        else throw failure;
      }
    });
    onChanged();
  };

  const times: [string, string | null][] = [
    [t('case.device-time'), alert.deviceTime],
    [t('case.received-at'), alert.receivedAt],
    [t('case.raised-at'), alert.raisedAt],
    [t('case.acknowledged-at'), alert.acknowledgedAt],
    [t('case.cancelled-at'), alert.cancelledAt],
    [t('case.resolved-at'), alert.resolvedAt],
  ];

  return (
    <section className={`case-header case-${alert.severity}`} data-testid="case-header" data-alert-id={alert.id}>
      <div className="case-title">
        <SeverityBadge severity={alert.severity} />
        <h1 data-testid="case-rule">{ruleLabel(alert.rule, locale)}</h1>
        {alert.triggerCount > 1 && (
          <span className="trigger-count">{t('case.triggers', { count: alert.triggerCount })}</span>
        )}
        <span className={`status status-${alert.status}`} data-testid="case-status" data-status={alert.status}>
          {t(`status.${alert.status}`)}
        </span>
        {alert.escalation && !alert.claimedBy && (
          <span className="flag flag-escalated">{t(`escalation.${alert.escalation}`)}</span>
        )}
        <span className="case-elder-summary">
          {alert.elder.name} · {alert.place.community} · {alert.place.street}
        </span>
      </div>

      <div className="case-claim">
        <div className="case-answer">
          <span className="muted">{t('case.answer')}</span>
          <AnswerClockView clock={answerClock(alert, now, settings)} />
        </div>
        {alert.claimedBy ? (
          <span
            className={`claimed-by${alert.claimedBy.id === user.id ? ' claimed-by-me' : ''}`}
            data-testid="case-claimed-by"
          >
            {t('case.claimed-by', { name: alert.claimedBy.displayName })}
          </span>
        ) : (
          workable && (
            <button
              type="button"
              className="button-primary button-claim"
              onClick={claimIt}
              disabled={claim.sending}
              data-testid="claim-button"
            >
              {claim.sending ? t('case.claiming') : t('case.claim')}
            </button>
          )
        )}
        {lostClaim && (
          <span className="form-error" role="alert" data-testid="claim-conflict">
            {alert.claimedBy
              ? t('case.claimed-by-other', { name: alert.claimedBy.displayName })
              : t('error.alert-already-acknowledged')}
          </span>
        )}
        {claim.error && (
          <span className="form-error" role="alert" data-testid="claim-error">
            {claim.error}
          </span>
        )}
      </div>

      <dl className="case-times">
        {times
          .filter((entry): entry is [string, string] => entry[1] !== null)
          .map(([label, at]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className="mono">{formatDateTime(at)}</dd>
            </div>
          ))}
      </dl>

      {evidence.length > 0 && (
        <p className="case-evidence" data-testid="case-evidence">
          <span className="muted">{t('case.evidence')}</span> {evidence.join(' · ')}
        </p>
      )}
      {alert.outcome && (
        <p className="case-outcome" data-testid="case-outcome" data-outcome={alert.outcome}>
          <span className="muted">{t('case.outcome')}</span> {outcomeLabel(alert.outcome, locale)}
          {alert.reason && (
            <>
              {' '}
              <span className="muted">{t('case.reason')}</span> {alert.reason}
            </>
          )}
        </p>
      )}
    </section>
  );
}
