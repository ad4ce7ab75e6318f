import type { VolunteerRequestView } from '@eldercare/contracts';
import { useState } from 'react';
import { checkInRequest, checkOutRequest, takeRequest } from '../api/time-bank-api';
import { useSession } from '../app/session-context';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { currentPosition } from '../visits/current-position';
import { useVisitAction } from '../visits/use-visit-action';
import { coinText, volunteerStep } from './coins';

/** One request on the volunteer's phone: what, when, for whom, and the one button for what they do next. */
export function VolunteerRequestCard({
  request,
  volunteerId,
  onChanged,
}: {
  request: VolunteerRequestView;
  volunteerId: string;
  onChanged: () => void;
}) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, act } = useVisitAction<unknown>(onChanged);
  const [note, setNote] = useState('');
  const [checkingOut, setCheckingOut] = useState(false);
  const step = volunteerStep(request.status, request.volunteer?.id === volunteerId);

  return (
    <article
      className={`visit-card visit-${request.status}`}
      data-testid="volunteer-request"
      data-request-id={request.id}
      data-status={request.status}
    >
      <header className="visit-card-head">
        <span className="visit-time mono">{formatDateTime(request.startsAt)}</span>
        <strong className="visit-service">{t(`volunteer-service.${request.service}`)}</strong>
        <span className="status">{t(`volunteer-request-status.${request.status}`)}</span>
      </header>
      <div className="visit-elder">
        <strong>{request.elder.name}</strong>
        <span className="muted">{request.community.name}</span>
        <span className="muted">{t('time-bank.coins-held', { coins: coinText(request.minutes) })}</span>
      </div>
      <p className="visit-address">{request.elder.address}</p>
      {request.note && <p className="muted">{request.note}</p>}
      {request.servedMinutes !== null && (
        <p className="muted" data-testid="volunteer-request-served">
          {t('time-bank.served', { minutes: request.servedMinutes })}
        </p>
      )}
      <FormError message={error} className="visit-error" testId="volunteer-request-error" />
      {step === 'take' && (
        <button
          type="button"
          className="visit-step"
          disabled={sending}
          onClick={() => act(() => takeRequest(http, request.id))}
          data-testid="volunteer-take"
        >
          {t('time-bank.take')}
        </button>
      )}
      {step === 'check-in' && (
        <button
          type="button"
          className="visit-step"
          disabled={sending}
          onClick={() =>
            act(async () => checkInRequest(http, request.id, await currentPosition(navigator.geolocation)))
          }
          data-testid="volunteer-check-in"
        >
          {sending ? t('visits.locating') : t('visits.check-in')}
        </button>
      )}
      {step === 'check-out' &&
        (checkingOut ? (
          <form
            className="check-out-form"
            onSubmit={(event) => {
              event.preventDefault();
              void act(async () =>
                checkOutRequest(http, request.id, { ...(await currentPosition(navigator.geolocation)), note }),
              );
            }}
          >
            <label>
              {t('visits.note')}
              <textarea value={note} onChange={(event) => setNote(event.target.value)} data-testid="volunteer-note" />
            </label>
            <button type="submit" className="visit-step" disabled={sending} data-testid="volunteer-submit-check-out">
              {t('visits.submit-check-out')}
            </button>
          </form>
        ) : (
          <button
            type="button"
            className="visit-step"
            onClick={() => setCheckingOut(true)}
            data-testid="volunteer-check-out"
          >
            {t('visits.check-out')}
          </button>
        ))}
    </article>
  );
}
