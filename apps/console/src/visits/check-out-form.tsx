import type { CheckOutInput, WorkOrderView } from '@eldercare/contracts';
import { useState, type FormEvent } from 'react';
import { checkOutWorkOrder } from '../api/work-orders-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { currentPosition } from './current-position';
import { useVisitAction } from './use-visit-action';

/** 签退: what was done in a line or two, who confirmed it, and the position at the door. */
export function CheckOutForm({
  order,
  onDone,
  onCancel,
}: {
  order: WorkOrderView;
  onDone: (order: WorkOrderView) => void;
  onCancel: () => void;
}) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, act } = useVisitAction(onDone);
  const [note, setNote] = useState('');
  const [confirmedBy, setConfirmedBy] = useState<CheckOutInput['confirmedBy']>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(async () =>
      checkOutWorkOrder(http, order.id, {
        ...(await currentPosition(navigator.geolocation)),
        note: note.trim(),
        confirmedBy,
      }),
    );
  };

  return (
    <form className="check-out-form" onSubmit={submit} data-testid="visit-check-out-form">
      <label className="field">
        <span>{t('visits.note')}</span>
        <textarea
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder={t('visits.note-hint')}
          data-testid="visit-note"
        />
      </label>
      <label className="field">
        <span>{t('visits.confirmed-by')}</span>
        <select
          value={confirmedBy ?? ''}
          onChange={(event) =>
            setConfirmedBy(event.target.value === '' ? null : (event.target.value as 'elder' | 'family'))
          }
          data-testid="visit-confirmed-by"
        >
          <option value="">{t('visits.confirmed-none')}</option>
          <option value="elder">{t('visits.confirmed-elder')}</option>
          <option value="family">{t('visits.confirmed-family')}</option>
        </select>
      </label>
      <FormError message={error} className="visit-error" testId="visit-error" />
      <button type="submit" className="visit-step" disabled={sending} data-testid="visit-submit-check-out">
        {sending ? t('visits.locating') : t('visits.submit-check-out')}
      </button>
      <button type="button" className="button-plain" onClick={onCancel} disabled={sending}>
        {t('form.cancel')}
      </button>
    </form>
  );
}
