import type { Actor, WorkOrderView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { centreDateOf, centreTimeOf } from '../shared/work-orders';
import { AssignControl } from './assign-control';
import { mayAssign } from './provider-orders';
import { VisitExceptionFlags } from '../shared/visit-exception-flags';

/** Orders of one status: when, what, for whom, where, who goes (with the control to choose while it may change). */
export function ProviderOrderTable({
  orders,
  caregivers,
  today,
  onChanged,
}: {
  orders: WorkOrderView[];
  caregivers: Actor[];
  today: string;
  onChanged: (order: WorkOrderView) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <table className="data-table compact">
      <thead>
        <tr>
          <th>{t('provider.col.when')}</th>
          <th>{t('provider.col.service')}</th>
          <th>{t('provider.col.elder')}</th>
          <th>{t('provider.col.place')}</th>
          <th>{t('provider.col.caregiver')}</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id} data-testid="provider-order" data-work-order-id={order.id} data-status={order.status}>
            <td className="mono nowrap">
              {centreDateOf(order.startsAt) === today ? t('provider.today') : t('provider.tomorrow')}{' '}
              {centreTimeOf(order.startsAt)}
            </td>
            <td>
              {serviceLabel(order.service, locale)}
              {order.sourceAlertId && <span className="pill pill-warn"> {t('provider.from-alert')}</span>}
            </td>
            <td>{order.elder.name}</td>
            <td className="muted">{order.place.community}</td>
            <td>
              {mayAssign(order) ? (
                <AssignControl order={order} caregivers={caregivers} onAssigned={onChanged} />
              ) : (
                (order.caregiver?.displayName ?? t('provider.unassigned'))
              )}
              <VisitExceptionFlags order={order} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
