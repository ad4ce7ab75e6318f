import type { OfferInput } from '@eldercare/contracts';
import { SERVICE_CODES } from '@eldercare/domain';
import { useState, type FormEvent } from 'react';
import { publishOffer } from '../api/bookings-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages.zh-CN';
import { FormError } from '../shared/form-error';
import { useSubmit } from '../shared/use-submit';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** 发布服务项目: a service of the catalogue with its price, working time and capacity. Closed until asked for. */
export function OfferForm({ onPublished }: { onPublished: () => void }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const { sending, error, run } = useSubmit();
  const [open, setOpen] = useState(false);
  const [offer, setOffer] = useState({
    service: 'bathing',
    minutes: '60',
    yuan: '80',
    capacity: 'caregivers' as OfferInput['capacity'],
    places: '2',
    weekdays: [1, 2, 3, 4, 5] as number[],
    opens: '08:00',
    closes: '17:00',
    cancelCutoffMinutes: '60',
    latePercent: '50',
  });
  const set = (change: Partial<typeof offer>) => setOffer({ ...offer, ...change });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: OfferInput = {
      service: offer.service,
      minutes: Number(offer.minutes),
      priceCents: Math.round(Number(offer.yuan) * 100),
      capacity: offer.capacity,
      places: offer.capacity === 'places' ? Number(offer.places) : null,
      weekdays: offer.weekdays,
      opens: offer.opens,
      closes: offer.closes,
      cancelCutoffMinutes: Number(offer.cancelCutoffMinutes),
      lateCancelShare: Number(offer.latePercent) / 100,
    };
    if (await run(() => publishOffer(http, input))) {
      setOpen(false);
      onPublished();
    }
  };

  if (!open)
    return (
      <button type="button" className="button-secondary small" onClick={() => setOpen(true)} data-testid="offer-open">
        {t('offer.publish')}
      </button>
    );
  const field = (label: MessageKey, name: keyof typeof offer, type = 'text') => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        type={type}
        value={String(offer[name])}
        onChange={(event) => set({ [name]: event.target.value })}
        data-testid={`offer-${name}`}
      />
    </label>
  );
  return (
    <form className="offer-form" onSubmit={submit} data-testid="offer-form">
      <label className="field">
        <span>{t('booking.offer')}</span>
        <select
          value={offer.service}
          onChange={(event) => set({ service: event.target.value })}
          data-testid="offer-service"
        >
          {SERVICE_CODES.map((code) => (
            <option key={code} value={code}>
              {serviceLabel(code, locale)}
            </option>
          ))}
        </select>
      </label>
      {field('offer.minutes', 'minutes', 'number')}
      {field('offer.yuan', 'yuan', 'number')}
      <label className="field">
        <span>{t('offer.capacity')}</span>
        <select
          value={offer.capacity}
          onChange={(event) => set({ capacity: event.target.value as OfferInput['capacity'] })}
          data-testid="offer-capacity"
        >
          <option value="caregivers">{t('offer.by-caregivers')}</option>
          <option value="places">{t('offer.by-places')}</option>
        </select>
      </label>
      {offer.capacity === 'places' && field('offer.places', 'places', 'number')}
      {field('offer.opens', 'opens', 'time')}
      {field('offer.closes', 'closes', 'time')}
      {field('offer.cutoff', 'cancelCutoffMinutes', 'number')}
      {field('offer.late-percent', 'latePercent', 'number')}
      <fieldset className="weekday-picks">
        {WEEKDAYS.map((day) => (
          <label key={day}>
            <input
              type="checkbox"
              checked={offer.weekdays.includes(day)}
              onChange={(event) =>
                set({
                  weekdays: event.target.checked
                    ? [...offer.weekdays, day].sort()
                    : offer.weekdays.filter((other) => other !== day),
                })
              }
            />
            {t(`weekday.${day}`)}
          </label>
        ))}
      </fieldset>
      <FormError message={error} testId="offer-error" />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={sending} data-testid="offer-submit">
          {sending ? t('form.sending') : t('offer.publish')}
        </button>
        <button type="button" className="button-plain" onClick={() => setOpen(false)}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
