import type { CarePlanView } from '@eldercare/contracts';
import { can } from '@eldercare/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchCarePlan } from '../api/care-plans-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { centreMonth } from '../reports/report-query';
import { Panel } from '../shared/panel';
import { FormError } from '../shared/form-error';
import { CarePlanAccount } from './care-plan-account';
import { CarePlanLineForm } from './care-plan-line-form';
import { CarePlanLines } from './care-plan-lines';

/** 服务计划: the elder's plan lines, the month's account of what they are owed and got, and their subsidies. */
export function CarePlanPanel({ elderId }: { elderId: string }) {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const writable = can(user.role, 'care-plans.write');
  const [month, setMonth] = useState(() => centreMonth(Date.now()));
  const [adding, setAdding] = useState(false);
  const queries = useQueryClient();
  const queryKey = ['care-plan', elderId, month];
  const {
    data: plan,
    error,
    refetch,
  } = useQuery({
    queryKey,
    queryFn: () => fetchCarePlan(http, elderId, month),
    // The month before stays on screen while another loads.
    placeholderData: keepPreviousData,
  });

  const changed = (next: CarePlanView) => {
    // The answer holds the current month's account; another month shown is read again.
    if (next.month === month) queries.setQueryData(queryKey, next);
    else void refetch();
    setAdding(false);
  };

  return (
    <Panel
      title={t('care-plan.title')}
      testId="care-plan"
      aside={
        writable &&
        !adding && (
          <button
            type="button"
            className="button-link"
            onClick={() => setAdding(true)}
            data-testid="care-plan-add-open"
          >
            + {t('care-plan.add')}
          </button>
        )
      }
    >
      <FormError message={error === null ? null : errorText(error, locale)} />
      {!plan && error === null && <p className="muted">{t('app.loading')}</p>}
      {adding && <CarePlanLineForm elderId={elderId} onAdded={changed} onCancel={() => setAdding(false)} />}
      {plan && (
        <>
          <CarePlanLines elderId={elderId} lines={plan.lines} writable={writable} onChanged={changed} />
          <div className="care-plan-month">
            <h3>{t('care-plan.account')}</h3>
            <input
              type="month"
              value={month}
              onChange={(event) => event.target.value && setMonth(event.target.value)}
              aria-label={t('reports.month')}
              data-testid="care-plan-month"
            />
          </div>
          <CarePlanAccount plan={plan} />
        </>
      )}
    </Panel>
  );
}
