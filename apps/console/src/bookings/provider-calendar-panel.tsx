import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cancelBooking, listOffers, searchBookings } from '../api/bookings-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { ConfirmAction } from '../shared/confirm-action';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { centreTimeOf, dayWindow } from '../shared/work-orders';
import { bookingsByDay, familyActionsOf, yuanOf } from './booking-calendar';
import { OfferForm } from './offer-form';

/** How far ahead the provider's calendar looks. */
const CALENDAR_DAYS = 14;

/** 预约日历: the provider's bookings of the coming two weeks by day, and the offers they are booked from. */
export function ProviderCalendarPanel({ providerId }: { providerId: string }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const [window] = useState(() => dayWindow(Date.now(), CALENDAR_DAYS));
  const bookings = useQuery({
    queryKey: ['provider-bookings', providerId, window.from],
    queryFn: () => searchBookings(http, { providerId, ...window }),
  });
  const offers = useQuery({ queryKey: ['offers', providerId], queryFn: () => listOffers(http, providerId) });
  const days = bookings.data ? bookingsByDay(bookings.data.filter((booking) => booking.status === 'booked')) : [];

  return (
    <Panel title={t('booking.calendar')} testId="provider-calendar">
      <FormError message={bookings.error ? errorText(bookings.error, locale) : null} />
      <p className="muted small" data-testid="provider-offers">
        {offers.data?.map((offer) => (
          <span key={offer.id} className="tag">
            {serviceLabel(offer.service, locale)} {offer.opens}–{offer.closes} ¥{yuanOf(offer.priceCents)}
          </span>
        ))}
      </p>
      <OfferForm onPublished={() => void offers.refetch()} />
      {bookings.data && days.length === 0 && <p className="muted">{t('booking.none')}</p>}
      {days.map((day) => (
        <div key={day.date} className="calendar-day" data-testid="calendar-day" data-date={day.date}>
          <h3>{day.date}</h3>
          <ul className="plain-list">
            {day.bookings.map((booking) => (
              <li key={booking.id} className="log-line" data-testid="calendar-booking" data-booking-id={booking.id}>
                <span className="mono">
                  {centreTimeOf(booking.startsAt)}–{centreTimeOf(booking.endsAt)}
                </span>
                <strong>{serviceLabel(booking.service, locale)}</strong>
                <span>{booking.elder.name}</span>
                <span>{booking.caregiver?.displayName ?? t('booking.place', { place: booking.place ?? 0 })}</span>
                <span className="muted">{t(`work-order-status.${booking.workOrder.status}`)}</span>
                <span className="muted">
                  {booking.paidBy === 'entitlement'
                    ? t('booking.paid-by-entitlement')
                    : t('booking.paid-by-self', { yuan: yuanOf(booking.selfPayCents) })}
                </span>
                {familyActionsOf(booking).cancel && (
                  <ConfirmAction
                    label={t('booking.cancel')}
                    question={t('booking.cancel-by-provider')}
                    confirmLabel={t('booking.cancel')}
                    onConfirm={async () => {
                      await cancelBooking(http, booking.id, t('booking.cancel-reason-provider'));
                      void bookings.refetch();
                    }}
                    testId="calendar-cancel"
                  />
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Panel>
  );
}
