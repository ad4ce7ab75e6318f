import type { BookingView } from '@eldercare/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cancelBooking, confirmBooking, disputeBooking, searchBookings } from '../api/bookings-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { ConfirmAction } from '../shared/confirm-action';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { familyActionsOf, yuanOf } from './booking-calendar';
import { BookingForm } from './booking-form';

/**
 * 服务预约: an elder's bookings, and a form to book another (with `offerId` chosen when booked from the service map);
 * the family also confirms or disputes a visit.
 */
export function ElderBookingsPanel({
  elderId,
  family,
  offerId,
}: {
  elderId: string;
  family: boolean;
  offerId?: string;
}) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const bookings = useQuery({
    queryKey: ['bookings', elderId],
    queryFn: () => searchBookings(http, { elderId }),
  });
  const reload = () => void bookings.refetch();

  return (
    <Panel title={t('booking.title')} testId="elder-bookings">
      <FormError message={bookings.error ? errorText(bookings.error, locale) : null} />
      {bookings.data?.length === 0 && <p className="muted">{t('booking.none')}</p>}
      <ul className="plain-list">
        {bookings.data?.map((booking) => (
          <BookingLine key={booking.id} booking={booking} family={family} onChanged={reload} />
        ))}
      </ul>
      <BookingForm key={offerId} elderId={elderId} onBooked={reload} initialOfferId={offerId} />
    </Panel>
  );
}

/** One booking: what, when, who goes, who pays, the elder's code, and what may be done with it now. */
function BookingLine({ booking, family, onChanged }: { booking: BookingView; family: boolean; onChanged: () => void }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const actions = familyActionsOf(booking);
  const late = Date.now() >= Date.parse(booking.cancelCutoffAt);
  return (
    <li
      className="log-line"
      data-testid="booking"
      data-booking-id={booking.id}
      data-status={booking.status}
      data-work-order-status={booking.workOrder.status}
    >
      <strong>{serviceLabel(booking.service, locale)}</strong>
      <span className="mono">{formatDateTime(booking.startsAt)}</span>
      <span>{booking.provider.name}</span>
      {booking.caregiver && <span>{booking.caregiver.displayName}</span>}
      <span className={`status status-${booking.status}`}>{t(`booking-status.${booking.status}`)}</span>
      <span className="muted">{t(`work-order-status.${booking.workOrder.status}`)}</span>
      <span data-testid="booking-payer" data-paid-by={booking.paidBy}>
        {booking.paidBy === 'entitlement'
          ? t('booking.paid-by-entitlement')
          : t('booking.paid-by-self', { yuan: yuanOf(booking.selfPayCents) })}
      </span>
      {booking.visitCode && booking.status === 'booked' && (
        <span className="mono" data-testid="booking-visit-code">
          {t('booking.visit-code', { code: booking.visitCode })}
        </span>
      )}
      {booking.cancelChargeCents !== null && booking.cancelChargeCents > 0 && (
        <span className="muted">{t('booking.charged', { yuan: yuanOf(booking.cancelChargeCents) })}</span>
      )}
      {booking.confirmation && <span>{t(`booking-confirmation.${booking.confirmation}`)}</span>}
      {actions.cancel && (
        <ConfirmAction
          label={t('booking.cancel')}
          question={
            late ? t('booking.cancel-late', { yuan: yuanOf(booking.lateChargeCents) }) : t('booking.cancel-free')
          }
          confirmLabel={t('booking.cancel')}
          onConfirm={async () => {
            await cancelBooking(http, booking.id, t('booking.cancel-reason'));
            onChanged();
          }}
          testId="booking-cancel"
        />
      )}
      {family && actions.confirm && <VisitConfirmation booking={booking} onChanged={onChanged} />}
    </li>
  );
}

/** The family's word on a visit after check-out: it happened, or a dispute that reaches the provider and the bureau. */
function VisitConfirmation({ booking, onChanged }: { booking: BookingView; onChanged: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [disputing, setDisputing] = useState(false);
  const [text, setText] = useState('');

  const act = async (action: () => Promise<unknown>) => {
    if (await run(action)) onChanged();
  };

  return (
    <span className="visit-confirmation">
      <button
        type="button"
        className="button-secondary small"
        disabled={sending}
        onClick={() => void act(() => confirmBooking(http, booking.id))}
        data-testid="booking-confirm-visit"
      >
        {t('booking.confirm-visit')}
      </button>
      {!disputing && (
        <button type="button" className="button-link small" onClick={() => setDisputing(true)}>
          {t('booking.dispute')}
        </button>
      )}
      {disputing && (
        <>
          <input
            value={text}
            maxLength={4000}
            onChange={(event) => setText(event.target.value)}
            placeholder={t('booking.dispute-hint')}
            data-testid="booking-dispute-text"
          />
          <button
            type="button"
            className="button-primary small"
            disabled={sending || text.trim() === ''}
            onClick={() => void act(() => disputeBooking(http, booking.id, text.trim()))}
            data-testid="booking-dispute-submit"
          >
            {t('booking.dispute')}
          </button>
        </>
      )}
      <FormError message={error} />
    </span>
  );
}
