import { ADAPTATION_SETTING_BOUNDS, ELDER_CATEGORIES } from '@eldercare/domain';
import { fetchAdaptationCaps, setAdaptationCaps } from '../api/adaptation-api';
import { useSession } from '../app/session-context';
import { categoryLabel } from '../i18n/labels';
import { useI18n } from '../i18n/i18n-context';
import { SettingsTableForm } from './settings-table-form';

const CATEGORIES = Object.keys(ELDER_CATEGORIES);

/**
 * 改造补贴上限: the household cap per elder category, in yuan. A category left empty has no subsidy (its elders may
 * still have a self-paid case); the table is replaced as a whole.
 */
export function AdaptationCapsForm() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  return (
    <SettingsTableForm
      table={{
        keys: CATEGORIES,
        bounds: ADAPTATION_SETTING_BOUNDS.capYuan,
        optional: true,
        queryKey: 'adaptation-caps',
        load: () => fetchAdaptationCaps(http),
        save: (caps) => setAdaptationCaps(http, caps as Record<string, number>),
      }}
      look={{
        title: t('settings.adaptation-caps'),
        hint: t('settings.adaptation-caps-hint', ADAPTATION_SETTING_BOUNDS.capYuan),
        unit: t('settings.yuan'),
        labelOf: (category) => categoryLabel(category, locale),
        testIds: { panel: 'settings-adaptation-caps', field: 'settings-cap', action: 'settings-caps' },
      }}
    />
  );
}
