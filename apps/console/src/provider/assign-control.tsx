import type { Actor, WorkOrderView } from '@eldercare/contracts';
import { useState, type FormEvent } from 'react';
import { assignWorkOrder } from '../api/work-orders-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useSubmit } from '../shared/use-submit';

/** Choose the caregiver who goes; an order already assigned may be given to someone else until it is accepted. */
export function AssignControl({
  order,
  caregivers,
  onAssigned,
}: {
  order: WorkOrderView;
  caregivers: Actor[];
  onAssigned: (order: WorkOrderView) => void;
}) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [caregiverId, setCaregiverId] = useState(order.caregiver?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (caregiverId === '') return;
    let assigned: WorkOrderView | undefined;
    if (await run(async () => (assigned = await assignWorkOrder(http, order.id, caregiverId)))) {
      if (assigned) onAssigned(assigned);
    }
  };

  return (
    <form className="assign-control" onSubmit={submit}>
      <select
        value={caregiverId}
        onChange={(event) => setCaregiverId(event.target.value)}
        aria-label={t('provider.col.caregiver')}
        data-testid="assign-caregiver"
      >
        <option value="">{t('provider.choose-caregiver')}</option>
        {caregivers.map((caregiver) => (
          <option key={caregiver.id} value={caregiver.id}>
            {caregiver.displayName}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button-secondary"
        disabled={sending || caregiverId === '' || caregiverId === order.caregiver?.id}
        data-testid="assign-submit"
      >
        {sending ? t('form.sending') : t('provider.assign')}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
