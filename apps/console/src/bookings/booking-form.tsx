import type { BookingQuote, OfferView } from '@eldercare/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { createBooking, fetchSlots, listOffers, quoteBooking } from '../api/bookings-api';
import { useSession } from '../app/session-context';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { FormError } from '../shared/form-error';
import { useSubmit } from '../shared/use-submit';
import { centreDateOf, centreTimeOf } from '../shared/work-orders';
import { yuanOf } from './booking-calendar';

/**
 * 预约服务: an offer, a day, one of its free slots; then who pays and what cancelling costs, shown before the booker
 * confirms. Opened from a point of the service map, it comes into view with that point's offer chosen.
 */
export function BookingForm({
  elderId,
  onBooked,
  initialOfferId,
}: {
  elderId: string;
  onBooked: () => void;
  initialOfferId?: string;
}) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const form = useRef<HTMLDivElement>(null);
  const [offerId, setOfferId] = useState(initialOfferId ?? '');
  useEffect(() => {
    if (initialOfferId) form.current?.scrollIntoView({ block: 'center' });
  }, [initialOfferId]);
  const [date, setDate] = useState(() => centreDateOf(Date.now()));
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [quote, setQuote] = useState<BookingQuote | null>(null);
  const { sending, error, run, clear } = useSubmit();
  const offers = useQuery({ queryKey: ['offers'], queryFn: () => listOffers(http) });
  const slots = useQuery({
    queryKey: ['slots', offerId, date],
    queryFn: () => fetchSlots(http, offerId, date),
    enabled: offerId !== '' && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });

  const offerText = (offer: OfferView) =>
    `${serviceLabel(offer.service, locale)} · ${offer.provider.name} · ¥${yuanOf(offer.priceCents)}`;
  const reset = () => {
    setStartsAt(null);
    setQuote(null);
    clear();
  };
  const choose = async (slot: string) => {
    setStartsAt(slot);
    setQuote(null);
    await run(async () => setQuote(await quoteBooking(http, { offerId, elderId, startsAt: slot })));
  };
  const confirm = async () => {
    if (!startsAt) return;
    if (await run(() => createBooking(http, { offerId, elderId, startsAt }))) {
      reset();
      onBooked();
    }
    void slots.refetch();
  };

  return (
    <div className="booking-form" data-testid="booking-form" ref={form}>
      <div className="form-row">
        <label className="field">
          <span>{t('booking.offer')}</span>
          <select
            value={offerId}
            onChange={(event) => {
              setOfferId(event.target.value);
              reset();
            }}
            data-testid="booking-offer"
          >
            <option value="">{t('booking.choose-offer')}</option>
            {offers.data?.map((offer) => (
              <option key={offer.id} value={offer.id}>
                {offerText(offer)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('booking.date')}</span>
          <input
            type="date"
            value={date}
            onChange={(event) => {
              setDate(event.target.value);
              reset();
            }}
            data-testid="booking-date"
          />
        </label>
      </div>
      {offerId !== '' && slots.data && (
        <div className="slot-list" data-testid="booking-slots">
          {slots.data.length === 0 && <p className="muted">{t('booking.no-slots')}</p>}
          {slots.data.map((slot) => (
            <button
              key={slot.startsAt}
              type="button"
              className={slot.startsAt === startsAt ? 'button-primary small' : 'button-secondary small'}
              onClick={() => void choose(slot.startsAt)}
              data-testid="booking-slot"
              data-starts-at={slot.startsAt}
            >
              {centreTimeOf(slot.startsAt)}
            </button>
          ))}
        </div>
      )}
      {quote && startsAt && (
        <div className="result-box" data-testid="booking-quote" data-paid-by={quote.paidBy}>
          <p>
            <strong>{formatDateTime(startsAt)}</strong> ·{' '}
            {quote.paidBy === 'entitlement'
              ? t('booking.paid-by-entitlement')
              : t('booking.paid-by-self', { yuan: yuanOf(quote.selfPayCents) })}
          </p>
          <p className="muted small">
            {t('booking.cancel-terms', {
              cutoff: formatDateTime(quote.cancelCutoffAt),
              yuan: yuanOf(quote.lateChargeCents),
            })}
          </p>
          <button
            type="button"
            className="button-primary"
            disabled={sending}
            onClick={() => void confirm()}
            data-testid="booking-confirm"
          >
            {sending ? t('form.sending') : t('booking.confirm')}
          </button>
        </div>
      )}
      <FormError message={error} testId="booking-error" />
    </div>
  );
}
