import { useState, type FormEvent } from 'react';
import { logCall } from '../api/alerts-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useSubmit } from '../shared/use-submit';
import { FormError } from '../shared/form-error';
import type { Callee } from './callees';

const ELDER = 'elder';

/** The picker's value for a callee: `elder`, or the contact's index. */
export function calleeValue(contactIndex: number | null): string {
  return contactIndex === null ? ELDER : String(contactIndex);
}

/** Records a call the operator made: to whom, whether anyone answered, what was said. */
export function CallForm({
  alertId,
  callees,
  callee,
  onCalleeChange,
  onLogged,
}: {
  alertId: string;
  callees: Callee[];
  callee: string;
  onCalleeChange: (callee: string) => void;
  onLogged: () => void;
}) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [answered, setAnswered] = useState(false);
  const [note, setNote] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const contactIndex = callee === ELDER ? null : Number(callee);
    const done = await run(() => logCall(http, alertId, { contactIndex, answered, note: note.trim() }));
    if (done) {
      setAnswered(false);
      setNote('');
      onLogged();
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} data-testid="call-form">
      <h3>{t('call-form.title')}</h3>
      <div className="form-row">
        <label className="field field-grow">
          <span>{t('call-form.callee')}</span>
          <select value={callee} onChange={(event) => onCalleeChange(event.target.value)} data-testid="call-callee">
            {callees.map((option) => (
              <option key={calleeValue(option.contactIndex)} value={calleeValue(option.contactIndex)}>
                {option.name} · {option.relation ?? t('contacts.elder')}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={answered}
            onChange={(event) => setAnswered(event.target.checked)}
            data-testid="call-answered"
          />
          {t('call-form.answered')}
        </label>
      </div>
      <label className="field">
        <span>{t('call-form.note')}</span>
        <textarea rows={2} value={note} onChange={(event) => setNote(event.target.value)} data-testid="call-note" />
      </label>
      <FormError message={error} testId="call-error" />
      <button type="submit" className="button-secondary" disabled={sending} data-testid="call-submit">
        {sending ? t('form.sending') : t('call-form.submit')}
      </button>
    </form>
  );
}
