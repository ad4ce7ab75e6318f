import { useState } from 'react';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { useProviders } from '../shared/use-providers';
import { useLiveWorkOrders } from '../shared/use-live-work-orders';
import { centreDateOf, dayWindow } from '../shared/work-orders';
import { FormError } from '../shared/form-error';
import { ProviderCalendarPanel } from '../bookings/provider-calendar-panel';
import { CaregiverDays } from './caregiver-days';
import { ExceptionReviewPanel } from './exception-review-panel';
import { ProviderOrderTable } from './provider-order-table';
import { byStatus } from './provider-orders';

/**
 * 服务商工单: today's and tomorrow's orders of the provider by status, who is to go, the visits with open exceptions to
 * decide on, and each caregiver's day.
 */
export function ProviderPage() {
  const { user } = useSession();
  const { t, locale } = useI18n();
  const providers = useProviders();
  const provider = providers?.find((candidate) => candidate.id === user.providerId) ?? null;
  const [days] = useState(() => dayWindow(Date.now(), 2));
  const { orders, error, changed } = useLiveWorkOrders({ ...days, providerId: user.providerId ?? undefined });

  const caregivers = provider?.caregivers ?? [];
  const today = centreDateOf(days.from);
  const groups = orders ? byStatus(orders) : [];

  return (
    <section className="provider-page" data-testid="provider-page">
      <header className="page-head">
        <h1>{t('provider.title')}</h1>
        {provider && <strong>{provider.name}</strong>}
        <span className="muted">
          {t('provider.window', { today, tomorrow: centreDateOf(Date.parse(days.to) - 1) })}
        </span>
        {orders && (
          <div className="queue-counts">
            {groups.map((group) => (
              <span key={group.status} className={`count${group.status === 'created' ? ' count-attention' : ''}`}>
                {t(`work-order-status.${group.status}`)} {group.orders.length}
              </span>
            ))}
          </div>
        )}
      </header>
      <FormError message={error === null ? null : errorText(error, locale)} testId="provider-error" />
      {!orders && error === null && <p className="muted">{t('app.loading')}</p>}
      {orders && (
        <div className="provider-grid">
          <div className="case-column">
            {groups.length === 0 && <p className="muted">{t('provider.none')}</p>}
            {groups.map((group) => (
              <Panel
                key={group.status}
                title={`${t(`work-order-status.${group.status}`)} · ${group.orders.length}`}
                testId={`provider-group-${group.status}`}
              >
                <ProviderOrderTable orders={group.orders} caregivers={caregivers} today={today} onChanged={changed} />
              </Panel>
            ))}
          </div>
          <div className="case-column">
            <ExceptionReviewPanel />
            {user.providerId && <ProviderCalendarPanel providerId={user.providerId} />}
            <CaregiverDays orders={orders} caregivers={caregivers} today={today} />
          </div>
        </div>
      )}
    </section>
  );
}
