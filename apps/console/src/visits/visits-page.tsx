import { useState } from 'react';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { useLiveWorkOrders } from '../shared/use-live-work-orders';
import { centreDateOf, dayWindow, inTimeOrder } from '../shared/work-orders';
import { FormError } from '../shared/form-error';
import { VisitCard } from './visit-card';
import { nextStep } from './visit-step';

/** 今日服务: the caregiver's visits of the day in time order, one big button each for the next step. Made for a phone. */
export function VisitsPage() {
  const { t, locale } = useI18n();
  const [day] = useState(() => dayWindow(Date.now()));
  const { orders, error, changed } = useLiveWorkOrders(day);

  const shown = orders ? inTimeOrder(orders) : [];
  const toDo = shown.filter((order) => nextStep(order.status) !== null).length;

  return (
    <section className="visits-page" data-testid="visits-page">
      <header className="visits-head">
        <h1>{t('visits.title')}</h1>
        <span className="muted mono">{centreDateOf(day.from)}</span>
        {orders && (
          <span className="count" data-testid="visits-count">
            {t('visits.count', { toDo, total: orders.length })}
          </span>
        )}
      </header>
      <FormError message={error === null ? null : errorText(error, locale)} testId="visits-error" />
      {!orders && error === null && <p className="muted">{t('app.loading')}</p>}
      {orders && orders.length === 0 && (
        <p className="visits-empty muted" data-testid="visits-empty">
          {t('visits.none')}
        </p>
      )}
      <ol className="visit-list">
        {shown.map((order) => (
          <li key={order.id}>
            <VisitCard order={order} onChanged={changed} />
          </li>
        ))}
      </ol>
    </section>
  );
}
