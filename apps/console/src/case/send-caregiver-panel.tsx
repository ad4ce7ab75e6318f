import type { WorkOrderView } from '@eldercare/contracts';
import { SERVICE_CODES } from '@eldercare/domain';
import { useState, type FormEvent } from 'react';
import { createWorkOrder } from '../api/work-orders-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { Panel } from '../shared/panel';
import { useProviders } from '../shared/use-providers';
import { useSubmit } from '../shared/use-submit';
import { centreTimeOf } from '../shared/work-orders';
import { FormError } from '../shared/form-error';
import { ProviderSelectOptions } from '../shared/provider-select-options';

/** 派遣护理员: a one-off order to a provider, starting now, tied to this alert; the provider chooses who goes. */
export function SendCaregiverPanel({ alertId, elderId }: { alertId: string; elderId: string }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const providers = useProviders();
  const { sending, error, run } = useSubmit();
  const [providerId, setProviderId] = useState('');
  const [service, setService] = useState('emergency-help');
  const [sent, setSent] = useState<WorkOrderView | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (providerId === '') return;
    let order: WorkOrderView | undefined;
    const done = await run(
      async () =>
        (order = await createWorkOrder(http, {
          elderId,
          providerId,
          service,
          startsAt: new Date().toISOString(),
          sourceAlertId: alertId,
        })),
    );
    if (done && order) setSent(order);
  };

  return (
    <Panel title={t('send-caregiver.title')} testId="send-caregiver">
      {sent && (
        <div
          className="result-box result-ok"
          role="status"
          data-testid="send-caregiver-done"
          data-work-order-id={sent.id}
        >
          {t('send-caregiver.done', {
            seq: sent.seq,
            provider: sent.provider.name,
            service: serviceLabel(sent.service, locale),
            time: centreTimeOf(sent.startsAt),
          })}
          <span className={`status work-order-status-${sent.status}`}>{t(`work-order-status.${sent.status}`)}</span>
        </div>
      )}
      <form className="inline-form" onSubmit={submit}>
        <div className="form-row">
          <label className="field field-grow">
            <span>{t('send-caregiver.provider')}</span>
            <select
              value={providerId}
              onChange={(event) => setProviderId(event.target.value)}
              data-testid="send-caregiver-provider"
            >
              <ProviderSelectOptions providers={providers} />
            </select>
          </label>
          <label className="field">
            <span>{t('care-plan.service')}</span>
            <select
              value={service}
              onChange={(event) => setService(event.target.value)}
              data-testid="send-caregiver-service"
            >
              {SERVICE_CODES.map((code) => (
                <option key={code} value={code}>
                  {serviceLabel(code, locale)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted small">{t('send-caregiver.now')}</p>
        <FormError message={error} testId="send-caregiver-error" />
        <button
          type="submit"
          className="button-secondary"
          disabled={sending || providerId === ''}
          data-testid="send-caregiver-submit"
        >
          {sending ? t('form.sending') : t('send-caregiver.submit')}
        </button>
      </form>
    </Panel>
  );
}
