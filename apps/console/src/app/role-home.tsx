import { FamilyPage } from '../family/family-page';
import { useI18n } from '../i18n/i18n-context';
import { roleLabel } from '../i18n/labels';
import { ProviderPage } from '../provider/provider-page';
import { ReportsPage } from '../reports/reports-page';
import { VisitsPage } from '../visits/visits-page';
import { useSession } from './session-context';

/** The home page of a role without the dispatch console: its own work, or a greeting for a role that has none. */
export function RoleHome() {
  const { user } = useSession();
  const { t, locale } = useI18n();
  switch (user.role) {
    case 'caregiver':
      return <VisitsPage />;
    case 'family':
      return <FamilyPage />;
    case 'provider_admin':
      return <ProviderPage />;
    case 'bureau':
      return <ReportsPage />;
  }
  return (
    <section className="role-home" data-testid="role-home">
      <h1>{t('home.greeting', { name: user.displayName })}</h1>
      <p>{t('home.role', { role: roleLabel(user.role, locale) })}</p>
      <p className="muted">{t('home.coming')}</p>
    </section>
  );
}
