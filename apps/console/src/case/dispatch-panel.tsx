import { DISPATCH_KINDS, type DispatchEntry, type DispatchKind } from '@eldercare/contracts';
import { useState, type FormEvent } from 'react';
import { dispatchHelp } from '../api/alerts-api';
import { useSession } from '../app/session-context';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { FormError } from '../shared/form-error';

/** Who has been sent to the elder, and the form to send someone. */
export function DispatchPanel({
  alertId,
  dispatches,
  open,
  onSent,
}: {
  alertId: string;
  dispatches: DispatchEntry[];
  open: boolean;
  onSent: () => void;
}) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [kind, setKind] = useState<DispatchKind>('responder');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await run(() => dispatchHelp(http, alertId, { kind, to: to.trim(), note: note.trim() }));
    if (done) {
      setTo('');
      setNote('');
      onSent();
    }
  };

  return (
    <Panel title={t('dispatch.title')} testId="dispatch">
      {dispatches.length === 0 && <p className="muted">{t('dispatch.none')}</p>}
      <ul className="plain-list">
        {dispatches.map((dispatch) => (
          <li key={dispatch.id} className="log-entry" data-testid="dispatch-entry" data-kind={dispatch.kind}>
            <div className="log-line">
              <span className="mono muted">{formatDateTime(dispatch.at)}</span>
              <span className="pill">{t(`dispatch-kind.${dispatch.kind}`)}</span>
              <strong>{dispatch.to}</strong>
              <span className="muted log-by">{dispatch.by.displayName}</span>
            </div>
            {dispatch.note && <p className="log-note">{dispatch.note}</p>}
          </li>
        ))}
      </ul>
      {open && (
        <form className="inline-form" onSubmit={submit} data-testid="dispatch-form">
          <div className="form-row">
            <label className="field">
              <span>{t('dispatch.kind')}</span>
              <select
                value={kind}
                onChange={(event) => setKind(event.target.value as DispatchKind)}
                data-testid="dispatch-kind"
              >
                {DISPATCH_KINDS.map((option) => (
                  <option key={option} value={option}>
                    {t(`dispatch-kind.${option}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-grow">
              <span>{t('dispatch.to')}</span>
              <input
                value={to}
                onChange={(event) => setTo(event.target.value)}
                placeholder={t('dispatch.to-hint')}
                required
                data-testid="dispatch-to"
              />
            </label>
          </div>
          <label className="field">
            <span>{t('dispatch.note')}</span>
            <textarea
              rows={2}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              data-testid="dispatch-note"
            />
          </label>
          <FormError message={error} testId="dispatch-error" />
          <button type="submit" className="button-secondary" disabled={sending} data-testid="dispatch-submit">
            {sending ? t('form.sending') : t('dispatch.submit')}
          </button>
        </form>
      )}
    </Panel>
  );
}
