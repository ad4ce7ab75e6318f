import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchOwnVolunteer, searchVolunteerRequests } from '../api/time-bank-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { coinText } from './coins';
import { VolunteerRequestCard } from './volunteer-request-card';

/**
 * 时间银行: the volunteer's phone page. Their coins, the requests they took with the next step of each, and the open
 * requests of their district to take.
 */
export function VolunteerPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const me = useQuery({ queryKey: ['time-bank', 'me'], queryFn: () => fetchOwnVolunteer(http) });
  const requests = useQuery({ queryKey: ['time-bank', 'requests'], queryFn: () => searchVolunteerRequests(http) });
  const reload = useCallback(() => {
    void me.refetch();
    void requests.refetch();
  }, [me, requests]);

  const volunteer = me.data;
  const mine = (requests.data ?? []).filter((request) => volunteer && request.volunteer?.id === volunteer.id);
  const open = (requests.data ?? []).filter((request) => request.status === 'open');
  const failure = me.error ?? requests.error;

  return (
    <section className="visits-page" data-testid="volunteer-page">
      <header className="visits-head">
        <h1>{t('time-bank.volunteer-title')}</h1>
        {volunteer && (
          <span className="count" data-testid="volunteer-balance" data-minutes={volunteer.balanceMinutes}>
            {t('time-bank.balance', { coins: coinText(volunteer.balanceMinutes) })}
          </span>
        )}
      </header>
      <FormError message={failure ? errorText(failure, locale) : null} testId="volunteer-error" />
      {volunteer && (
        <>
          <h2>{t('time-bank.mine')}</h2>
          {mine.length === 0 && <p className="muted">{t('time-bank.none-mine')}</p>}
          <ol className="visit-list">
            {mine.map((request) => (
              <li key={request.id}>
                <VolunteerRequestCard request={request} volunteerId={volunteer.id} onChanged={reload} />
              </li>
            ))}
          </ol>
          <h2>{t('time-bank.open')}</h2>
          {open.length === 0 && <p className="muted">{t('time-bank.none-open')}</p>}
          <ol className="visit-list">
            {open.map((request) => (
              <li key={request.id}>
                <VolunteerRequestCard request={request} volunteerId={volunteer.id} onChanged={reload} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
