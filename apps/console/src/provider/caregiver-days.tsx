import type { Actor, WorkOrderView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { Panel } from '../shared/panel';
import { centreDateOf, centreTimeOf } from '../shared/work-orders';
import { byCaregiver } from './provider-orders';

/** Each caregiver's visits over the two days, so an admin sees who is free before assigning. */
export function CaregiverDays({
  orders,
  caregivers,
  today,
}: {
  orders: WorkOrderView[];
  caregivers: Actor[];
  today: string;
}) {
  const { t, locale } = useI18n();
  return (
    <Panel title={t('provider.caregivers')} testId="caregiver-days">
      {caregivers.length === 0 && <p className="muted">{t('provider.no-caregivers')}</p>}
      <ul className="plain-list">
        {byCaregiver(orders, caregivers).map(({ caregiver, orders: theirs }) => (
          <li key={caregiver.id} className="caregiver-day" data-testid="caregiver-day" data-caregiver-id={caregiver.id}>
            <div className="log-line">
              <strong>{caregiver.displayName}</strong>
              <span className="count">{t('provider.visit-count', { count: theirs.length })}</span>
            </div>
            {theirs.length > 0 && (
              <ol className="caregiver-visits">
                {theirs.map((order) => (
                  <li key={order.id}>
                    <span className="mono muted">
                      {centreDateOf(order.startsAt) === today ? t('provider.today') : t('provider.tomorrow')}{' '}
                      {centreTimeOf(order.startsAt)}
                    </span>{' '}
                    {serviceLabel(order.service, locale)} · {order.elder.name}{' '}
                    <span className={`status work-order-status-${order.status}`}>
                      {t(`work-order-status.${order.status}`)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
