import { useI18n } from '../i18n/i18n-context';
import { roleLabel } from '../i18n/labels';
import { useSession } from './session-context';

/** The home page of a role that has no work of its own in the console. */
export function RoleGreeting() {
  const { user } = useSession();
  const { t, locale } = useI18n();
  return (
    <section className="role-home" data-testid="role-home">
      <h1>{t('home.greeting', { name: user.displayName })}</h1>
      <p>{t('home.role', { role: roleLabel(user.role, locale) })}</p>
      <p className="muted">{t('home.coming')}</p>
    </section>
  );
}
