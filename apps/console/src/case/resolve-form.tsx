import type { AlertView } from '@eldercare/contracts';
import { OPERATOR_OUTCOMES } from '@eldercare/domain';
import { useState, type FormEvent } from 'react';
import { resolveAlert } from '../api/alerts-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { outcomeLabel } from '../i18n/labels';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { checkResolve } from './resolve-check';

const OUTCOMES: readonly string[] = OPERATOR_OUTCOMES;

/** Closes the alert with an outcome; the server refuses until someone has claimed it, and so does the form. */
export function ResolveForm({ alert, onResolved }: { alert: AlertView; onResolved: () => void }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const { sending, error, run } = useSubmit();
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const claimed = alert.acknowledgedAt !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkResolve(outcome, reason);
    if (!check.ok) {
      setProblem(check.problem === 'reason-required' ? t('resolve.reason-required') : t('resolve.choose'));
      return;
    }
    setProblem(null);
    if (await run(() => resolveAlert(http, alert.id, check.request))) onResolved();
  };

  return (
    <Panel title={t('resolve.title')} testId="resolve">
      <form className="inline-form" onSubmit={submit} noValidate data-testid="resolve-form">
        {!claimed && <p className="muted">{t('resolve.needs-claim')}</p>}
        <label className="field">
          <span>{t('resolve.outcome')}</span>
          <select
            value={outcome}
            onChange={(event) => setOutcome(event.target.value)}
            disabled={!claimed}
            required
            data-testid="resolve-outcome"
          >
            <option value="">{t('resolve.choose')}</option>
            {OUTCOMES.map((code) => (
              <option key={code} value={code}>
                {outcomeLabel(code, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>
            {t('resolve.reason')}
            {outcome === 'other' && <span className="required"> *</span>}
          </span>
          <textarea
            rows={2}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            disabled={!claimed}
            required={outcome === 'other'}
            data-testid="resolve-reason"
          />
        </label>
        {(problem ?? error) && (
          <p className="form-error" role="alert" data-testid="resolve-error">
            {problem ?? error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={!claimed || sending} data-testid="resolve-submit">
          {sending ? t('form.sending') : t('resolve.submit')}
        </button>
      </form>
    </Panel>
  );
}
