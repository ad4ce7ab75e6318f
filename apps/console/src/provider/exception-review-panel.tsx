import { useI18n } from '../i18n/i18n-context';
import { errorText } from '../i18n/error-text';
import { serviceLabel } from '../i18n/labels';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { VisitExceptionFlags } from '../shared/visit-exception-flags';
import { centreDateOf, centreTimeOf } from '../shared/work-orders';
import { ExceptionResolveForm } from './exception-resolve-form';
import { mayResolve } from './provider-orders';
import { useOpenExceptions } from './use-open-exceptions';

/**
 * 异常服务审核: the provider's visits with open exceptions, whenever they were. Until someone decides, such a visit is
 * not delivered: not in the elder's account, not in the bureau's count.
 */
export function ExceptionReviewPanel() {
  const { t, locale } = useI18n();
  const { orders, error, changed } = useOpenExceptions();
  return (
    <Panel title={`${t('provider.exceptions')} · ${orders?.length ?? '…'}`} testId="provider-exceptions">
      <FormError message={error === null ? null : errorText(error, locale)} testId="provider-exceptions-error" />
      {orders?.length === 0 && <p className="muted">{t('provider.no-exceptions')}</p>}
      {orders && orders.length > 0 && (
        <table className="data-table compact">
          <tbody>
            {orders.map((order) => (
              <tr key={order.id} data-testid="exception-order" data-work-order-id={order.id}>
                <td className="mono nowrap">
                  {centreDateOf(order.startsAt)} {centreTimeOf(order.startsAt)}
                </td>
                <td>
                  {serviceLabel(order.service, locale)} · {order.elder.name}
                  <div className="muted small">{order.caregiver?.displayName ?? t('provider.unassigned')}</div>
                </td>
                <td>
                  <VisitExceptionFlags order={order} />
                  {mayResolve(order) ? (
                    <ExceptionResolveForm order={order} onResolved={changed} />
                  ) : (
                    <div className="muted small">{t('provider.resolve-after-check-out')}</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
