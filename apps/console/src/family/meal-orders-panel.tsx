import type { MealOrderView, MealPeriod } from '@eldercare/contracts';
import { addLocalDays } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { fetchServiceMap } from '../api/city-map-api';
import { cancelMealOrder, listMealOrders, orderMeal } from '../api/meal-orders-api';
import { useSession } from '../app/session-context';
import { yuanOf } from '../bookings/booking-calendar';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { ConfirmAction } from '../shared/confirm-action';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { centreDateOf } from '../shared/work-orders';

/**
 * 订餐: a canteen meal ordered for the family's elder and paid remotely, delivered home (the canteen's provider sends
 * someone, as a work order) or collected; the elder's orders with what was paid, and a cancel button until the
 * cut-off. A second subsidised meal in a period is ordered at the full price only once the family confirms it.
 */
export function MealOrdersPanel({ elderId }: { elderId: string }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const map = useQuery({ queryKey: ['service-map', elderId], queryFn: () => fetchServiceMap(http, elderId) });
  const orders = useQuery({ queryKey: ['meal-orders', elderId], queryFn: () => listMealOrders(http, elderId) });
  const [canteenId, setCanteenId] = useState('');
  const [date, setDate] = useState(() => addLocalDays(centreDateOf(Date.now()), 1));
  const [period, setPeriod] = useState<MealPeriod>('lunch');
  const [delivery, setDelivery] = useState(true);
  const { sending, error, failure, run } = useSubmit();
  const canteens = map.data?.canteens ?? [];
  const canteen = canteens.find((row) => row.id === canteenId) ?? canteens[0];
  const subsidyTaken = failure instanceof ApiError && failure.code === 'meal-already-subsidised';

  const order = async (fullPrice: boolean) => {
    if (!canteen) return;
    if (await run(() => orderMeal(http, { elderId, canteenId: canteen.id, date, period, delivery, fullPrice })))
      void orders.refetch();
  };

  return (
    <Panel title={t('meal-order.title')} testId="meal-orders">
      <FormError message={orders.error ? errorText(orders.error, locale) : null} />
      {orders.data?.length === 0 && <p className="muted">{t('meal-order.none')}</p>}
      <ul className="plain-list">
        {orders.data?.map((row) => (
          <MealOrderLine key={row.id} order={row} onChanged={() => void orders.refetch()} />
        ))}
      </ul>
      {canteen ? (
        <div className="form-row" data-testid="meal-order-form">
          <label className="field">
            <span>{t('meal-order.canteen')}</span>
            <select
              value={canteen.id}
              onChange={(event) => setCanteenId(event.target.value)}
              data-testid="meal-order-canteen"
            >
              {canteens.map((row) => (
                <option key={row.id} value={row.id}>
                  {t('meal-order.canteen-option', { name: row.name, pay: yuanOf(row.selfPayCents) })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('meal-order.date')}</span>
            <input
              type="date"
              value={date}
              onChange={(event) => setDate(event.target.value)}
              data-testid="meal-order-date"
            />
          </label>
          <label className="field">
            <span>{t('meal-order.period')}</span>
            <select
              value={period}
              onChange={(event) => setPeriod(event.target.value as MealPeriod)}
              data-testid="meal-order-period"
            >
              {canteen.periods.map((hours) => (
                <option key={hours.period} value={hours.period}>
                  {`${t(`meal-period.${hours.period}`)} ${hours.opens}–${hours.closes}`}
                </option>
              ))}
            </select>
          </label>
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={delivery}
              onChange={(event) => setDelivery(event.target.checked)}
              data-testid="meal-order-delivery"
            />
            <span>{t('meal-order.delivery')}</span>
          </label>
          <button type="button" disabled={sending} onClick={() => void order(false)} data-testid="meal-order-submit">
            {t('meal-order.order')}
          </button>
          {subsidyTaken && (
            <button
              type="button"
              disabled={sending}
              onClick={() => void order(true)}
              data-testid="meal-order-full-price"
            >
              {t('meal-order.full-price', { price: yuanOf(canteen.priceCents) })}
            </button>
          )}
          <FormError message={error} />
        </div>
      ) : (
        <p className="muted">{t('service-map.no-canteens')}</p>
      )}
    </Panel>
  );
}

/** One ordered meal: which, when, how it reaches the elder, what was paid, and its cancel button until the cut-off. */
function MealOrderLine({ order, onChanged }: { order: MealOrderView; onChanged: () => void }) {
  const { http } = useSession();
  const { t, code } = useI18n();
  const open = order.cancelledAt === null && Date.now() < Date.parse(order.cutoffAt);
  return (
    <li className="log-line" data-testid="meal-order" data-cancelled={order.cancelledAt !== null}>
      <strong>{`${order.mealDate} ${t(`meal-period.${order.period}`)}`}</strong>
      <span>{order.canteen.name}</span>
      <span className="muted">{t(order.delivery ? 'meal-order.delivered' : 'meal-order.collected')}</span>
      <span>{t('meal-order.paid', { pay: yuanOf(order.selfPayCents), subsidy: yuanOf(order.subsidyCents) })}</span>
      {order.workOrder && <span className="muted">{code('work-order-status', order.workOrder.status)}</span>}
      {order.cancelledAt && (
        <span className="muted">{t('meal-order.cancelled', { at: formatDateTime(order.cancelledAt) })}</span>
      )}
      {open && (
        <ConfirmAction
          label={t('meal-order.cancel')}
          question={t('meal-order.cancel-question', { at: formatDateTime(order.cutoffAt) })}
          confirmLabel={t('meal-order.cancel')}
          onConfirm={async () => {
            await cancelMealOrder(http, order.id);
            onChanged();
          }}
          testId="meal-order-cancel"
        />
      )}
    </li>
  );
}
