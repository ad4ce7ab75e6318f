import type { WorkOrderView } from '@eldercare/contracts';
import { useState } from 'react';
import { acceptWorkOrder, checkInWorkOrder } from '../api/work-orders-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { centreTimeOf } from '../shared/work-orders';
import { FormError } from '../shared/form-error';
import { CheckOutForm } from './check-out-form';
import { currentPosition } from './current-position';
import { useVisitAction } from './use-visit-action';
import { VisitCheckInFacts } from './visit-check-in-facts';
import { mapLink, nextStep, telLink } from './visit-step';

/** One visit on the caregiver's phone: when, what, who and where, and the one button for what comes next. */
export function VisitCard({ order, onChanged }: { order: WorkOrderView; onChanged: (order: WorkOrderView) => void }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const { sending, error, act } = useVisitAction(onChanged);
  const [checkingOut, setCheckingOut] = useState(false);
  const step = nextStep(order.status);
  const map = mapLink(order.elder.home);
  const tel = telLink(order.elder.phone);

  return (
    <article
      className={`visit-card visit-${order.status}`}
      data-testid="visit-card"
      data-work-order-id={order.id}
      data-status={order.status}
    >
      <header className="visit-card-head">
        <span className="visit-time mono">{centreTimeOf(order.startsAt)}</span>
        <strong className="visit-service">{serviceLabel(order.service, locale)}</strong>
        <span className={`status work-order-status-${order.status}`}>{t(`work-order-status.${order.status}`)}</span>
      </header>
      <div className="visit-elder">
        <strong>{order.elder.name}</strong>
        <span className="muted">{order.place.community}</span>
      </div>
      <p className="visit-address">{order.elder.address}</p>
      <div className="visit-links">
        {map ? (
          <a className="button-secondary" href={map} target="_blank" rel="noreferrer" data-testid="visit-map">
            {t('visits.map')}
          </a>
        ) : (
          <span className="muted small">{t('visits.no-map')}</span>
        )}
        {tel && (
          <a className="button-call" href={tel} data-testid="visit-call">
            {t('visits.call')}
          </a>
        )}
      </div>
      <VisitCheckInFacts order={order} />
      <FormError message={error} className="visit-error" testId="visit-error" />
      {step === 'accept' && (
        <button
          type="button"
          className="visit-step"
          disabled={sending}
          onClick={() => act(() => acceptWorkOrder(http, order.id))}
          data-testid="visit-accept"
        >
          {sending ? t('form.sending') : t('visits.accept')}
        </button>
      )}
      {step === 'check-in' && (
        <button
          type="button"
          className="visit-step"
          disabled={sending}
          onClick={() =>
            act(async () => checkInWorkOrder(http, order.id, await currentPosition(navigator.geolocation)))
          }
          data-testid="visit-check-in"
        >
          {sending ? t('visits.locating') : t('visits.check-in')}
        </button>
      )}
      {step === 'check-out' &&
        (checkingOut ? (
          <CheckOutForm order={order} onDone={onChanged} onCancel={() => setCheckingOut(false)} />
        ) : (
          <button
            type="button"
            className="visit-step"
            onClick={() => setCheckingOut(true)}
            data-testid="visit-check-out"
          >
            {t('visits.check-out')}
          </button>
        ))}
    </article>
  );
}
