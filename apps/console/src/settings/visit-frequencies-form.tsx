import { RISK_LEVELS, VISIT_EVERY_DAYS_BOUNDS, type RiskLevel } from '@eldercare/domain';
import { fetchVisitFrequencies, setVisitFrequencies } from '../api/risk-visits-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { SettingsTableForm } from './settings-table-form';

/** 巡访频次: how many days apart the elders of each risk level are visited; an overdue visit is counted from it. */
export function VisitFrequenciesForm() {
  const { http } = useSession();
  const { t } = useI18n();
  return (
    <SettingsTableForm<RiskLevel>
      table={{
        keys: RISK_LEVELS,
        bounds: VISIT_EVERY_DAYS_BOUNDS,
        queryKey: 'visit-frequencies',
        load: () => fetchVisitFrequencies(http),
        save: (days) => setVisitFrequencies(http, days as Record<RiskLevel, number>),
      }}
      look={{
        title: t('settings.visit-frequencies'),
        hint: t('settings.visit-frequencies-hint', VISIT_EVERY_DAYS_BOUNDS),
        unit: t('settings.days'),
        labelOf: (level) => t(`settings.risk-level.${level}`),
        testIds: { panel: 'settings-visit-frequencies', field: 'settings-visit', action: 'settings-visit' },
      }}
    />
  );
}
