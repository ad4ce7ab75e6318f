import type { CarePlanView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';

const amount = (value: number) => String(Math.round(value * 10) / 10);

/** The month's account per service, in its unit, and the money the elder gets. */
export function CarePlanAccount({ plan }: { plan: CarePlanView }) {
  const { t, locale } = useI18n();
  const { subsidy } = plan;
  return (
    <>
      {plan.account.length === 0 ? (
        <p className="muted">{t('care-plan.no-account')}</p>
      ) : (
        <table className="data-table compact" data-testid="care-plan-account" data-month={plan.month}>
          <thead>
            <tr>
              <th>{t('care-plan.service')}</th>
              <th>{t('care-plan.unit')}</th>
              <th className="numeric">{t('care-plan.owed')}</th>
              <th className="numeric">{t('care-plan.planned')}</th>
              <th className="numeric">{t('care-plan.delivered')}</th>
              <th className="numeric">{t('care-plan.missed')}</th>
              <th className="numeric">{t('care-plan.remaining')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.account.map((row) => (
              <tr key={row.service} data-service={row.service}>
                <td>{serviceLabel(row.service, locale)}</td>
                <td className="muted">{t(`unit.${row.unit}`)}</td>
                <td className="numeric mono">{amount(row.owed)}</td>
                <td className={`numeric mono${row.planned > row.owed ? ' warn-text' : ''}`}>{amount(row.planned)}</td>
                <td className="numeric mono">{amount(row.delivered)}</td>
                <td className={`numeric mono${row.missed > 0 ? ' warn-text' : ''}`}>{amount(row.missed)}</td>
                <td className="numeric mono">{amount(row.remaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="subsidy" data-testid="care-plan-subsidy">
        {t('care-plan.subsidy', { age: subsidy.ageAllowance, care: subsidy.careSubsidy, total: subsidy.total })}
        {subsidy.careLevel && (
          <span className="muted"> · {t('care-plan.care-level', { level: subsidy.careLevel })}</span>
        )}
      </p>
    </>
  );
}
