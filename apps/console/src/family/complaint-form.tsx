import { useState, type FormEvent } from 'react';
import { fileComplaint } from '../api/family-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useSubmit } from '../shared/use-submit';
import { FormError } from '../shared/form-error';

/** 投诉: a complaint about one visit; it reaches the provider and the bureau. Closed until asked for. */
export function ComplaintForm({ elderId, workOrderId }: { elderId: string; workOrderId?: string }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [filed, setFiled] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    if (await run(() => fileComplaint(http, { elderId, workOrderId, text: text.trim() }))) {
      setFiled(true);
      setOpen(false);
    }
  };

  if (filed)
    return (
      <p className="result-box result-ok small" role="status" data-testid="complaint-filed">
        {t('complaint.filed')}
      </p>
    );
  if (!open)
    return (
      <button type="button" className="button-link small" onClick={() => setOpen(true)} data-testid="complaint-open">
        {t('complaint.open')}
      </button>
    );
  return (
    <form className="complaint-form" onSubmit={submit} data-testid="complaint-form">
      <label className="field">
        <span>{t('complaint.text')}</span>
        <textarea
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('complaint.hint')}
          data-testid="complaint-text"
        />
      </label>
      <FormError message={error} />
      <div className="form-actions">
        <button
          type="submit"
          className="button-primary"
          disabled={sending || text.trim() === ''}
          data-testid="complaint-submit"
        >
          {sending ? t('form.sending') : t('complaint.submit')}
        </button>
        <button type="button" className="button-plain" onClick={() => setOpen(false)}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
