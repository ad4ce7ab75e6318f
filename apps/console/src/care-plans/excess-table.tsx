import type { EntitlementExcessView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';

/** Where the plan asks for more than the elder is owed: month, service, planned against owed. */
export function ExcessTable({ excesses }: { excesses: EntitlementExcessView[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="result-box result-failed" role="alert" data-testid="care-plan-excess">
      <p>{t('care-plan.over-entitlement')}</p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{t('care-plan.month')}</th>
            <th>{t('care-plan.service')}</th>
            <th className="numeric">{t('care-plan.planned')}</th>
            <th className="numeric">{t('care-plan.owed')}</th>
          </tr>
        </thead>
        <tbody>
          {excesses.map((excess) => (
            <tr key={`${excess.month}-${excess.service}`}>
              <td className="mono">{excess.month}</td>
              <td>{serviceLabel(excess.service, locale)}</td>
              <td className="numeric mono">{excess.planned}</td>
              <td className="numeric mono">{excess.owed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
