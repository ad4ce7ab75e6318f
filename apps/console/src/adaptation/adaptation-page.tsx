import { can } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { searchAdaptationCases } from '../api/adaptation-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { AdaptationCaseDetail } from './adaptation-case-detail';
import { LateStepsPanel } from './late-steps-panel';
import { NewAdaptationCaseForm } from './new-adaptation-case-form';

/**
 * 适老化改造: the cases of the user's scope by stage, a new application, one case's steps, and for staff the steps past
 * their deadline.
 */
export function AdaptationPage() {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const [openId, setOpenId] = useState<string | null>(null);
  const cases = useQuery({ queryKey: ['adaptation-cases'], queryFn: () => searchAdaptationCases(http) });
  const reload = () => void cases.refetch();

  return (
    <section className="adaptation-page" data-testid="adaptation-page">
      <header className="page-head">
        <h1>{t('adaptation.title')}</h1>
      </header>
      <FormError message={cases.error ? errorText(cases.error, locale) : null} />
      {can(user.role, 'adaptation.manage') && (
        <NewAdaptationCaseForm
          onOpened={(id) => {
            reload();
            setOpenId(id);
          }}
        />
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('time-bank.elder')}</th>
            <th>{t('time-bank.community')}</th>
            <th>{t('adaptation.subsidised')}</th>
            <th>{t('adaptation.stage')}</th>
            <th>{t('adaptation.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {(cases.data ?? []).map((row) => (
            <tr
              key={row.id}
              data-testid="adaptation-row"
              data-case-id={row.id}
              data-stage={row.stage}
              className={row.pending?.late ? 'row-late' : undefined}
            >
              <td>
                <button type="button" className="link-button" onClick={() => setOpenId(row.id)}>
                  {row.elder.name}
                </button>
              </td>
              <td>{row.community}</td>
              <td>{row.subsidised ? t('adaptation.yes') : t('adaptation.no')}</td>
              <td>{t(`adaptation-stage.${row.stage}`)}</td>
              <td className="mono">
                {row.pending ? formatDateTime(row.pending.deadline) : '—'}
                {row.pending?.late && <strong className="form-error"> {t('adaptation.late')}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {openId && <AdaptationCaseDetail key={openId} caseId={openId} onChanged={reload} />}
      {can(user.role, 'adaptation.manage') && <LateStepsPanel onOpen={setOpenId} />}
    </section>
  );
}
