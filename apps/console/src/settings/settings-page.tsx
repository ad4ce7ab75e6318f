import { can, localDateOf } from '@eldercare/domain';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { AdaptationBudgetForm } from './adaptation-budget-form';
import { AdaptationCapsForm } from './adaptation-caps-form';
import { VisitFrequenciesForm } from './visit-frequencies-form';

/** 服务设置: the bureau's settings of the community services, each form shown to the roles that may change it. */
export function SettingsPage() {
  const { user } = useSession();
  const { t } = useI18n();
  const thisYear = Number(localDateOf(Date.now()).slice(0, 4));
  return (
    <section className="settings-page" data-testid="settings-page">
      <header className="page-head">
        <h1>{t('settings.title')}</h1>
      </header>
      {can(user.role, 'visit-frequencies.write') && <VisitFrequenciesForm />}
      {can(user.role, 'adaptation.settings') && (
        <>
          <AdaptationCapsForm />
          <AdaptationBudgetForm thisYear={thisYear} />
        </>
      )}
    </section>
  );
}
