import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchVolunteers, searchVolunteerRequests } from '../api/time-bank-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { RequestForm } from './request-form';
import { StaffRequestRow } from './staff-request-row';
import { VolunteerRegisterForm } from './volunteer-register-form';
import { VolunteerRow } from './volunteer-row';

/** 时间银行: community staff register, check and approve volunteers, ask for their help and confirm their visits. */
export function TimeBankPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const volunteers = useQuery({ queryKey: ['time-bank', 'volunteers'], queryFn: () => fetchVolunteers(http) });
  const requests = useQuery({ queryKey: ['time-bank', 'requests'], queryFn: () => searchVolunteerRequests(http) });
  const reloadVolunteers = useCallback(() => void volunteers.refetch(), [volunteers]);
  const reloadRequests = useCallback(() => void requests.refetch(), [requests]);
  const failure = volunteers.error ?? requests.error;

  return (
    <section className="time-bank-page" data-testid="time-bank-page">
      <header className="page-head">
        <h1>{t('time-bank.title')}</h1>
      </header>
      <FormError message={failure ? errorText(failure, locale) : null} testId="time-bank-error" />
      <Panel title={t('time-bank.requests')} testId="time-bank-requests">
        <RequestForm onDone={reloadRequests} />
        <table className="table">
          <thead>
            <tr>
              <th>{t('time-bank.starts-at')}</th>
              <th>{t('time-bank.elder')}</th>
              <th>{t('time-bank.service')}</th>
              <th>{t('time-bank.coins')}</th>
              <th>{t('time-bank.volunteer')}</th>
              <th>{t('time-bank.status')}</th>
              <th>{t('time-bank.served-minutes')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(requests.data ?? []).map((request) => (
              <StaffRequestRow key={request.id} request={request} onChanged={reloadRequests} />
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title={t('time-bank.volunteers')} testId="time-bank-volunteers">
        <VolunteerRegisterForm onDone={reloadVolunteers} />
        <table className="table">
          <thead>
            <tr>
              <th>{t('time-bank.name')}</th>
              <th>{t('time-bank.id-number')}</th>
              <th>{t('time-bank.community')}</th>
              <th>{t('time-bank.trained-on')}</th>
              <th>{t('time-bank.status')}</th>
              <th>{t('time-bank.coins')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(volunteers.data ?? []).map((volunteer) => (
              <VolunteerRow key={volunteer.id} volunteer={volunteer} onChanged={reloadVolunteers} />
            ))}
          </tbody>
        </table>
      </Panel>
    </section>
  );
}
