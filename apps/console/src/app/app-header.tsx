import { useI18n } from '../i18n/i18n-context';
import { roleLabel } from '../i18n/labels';
import { otherLocale } from '../i18n/translate';
import { hasDispatchConsole } from './console-roles';
import { ConnectionIndicator } from './connection-indicator';
import { Link } from './link';
import { navItems, sectionOf } from './nav-items';
import type { Route } from './routes';
import { useSession } from './session-context';

export function AppHeader({ route }: { route: Route }) {
  const { user, signOut } = useSession();
  const { t, locale, setLocale } = useI18n();
  const dispatch = hasDispatchConsole(user.role);
  const items = navItems(user.role);
  const section = sectionOf(route.page);

  return (
    <header className="app-header">
      <Link to="/" className="brand">
        {t('app.title')}
      </Link>
      {items.length > 0 && (
        <nav className="app-nav">
          {items.map((item) => (
            <Link
              key={item.section}
              to={item.path}
              aria-current={item.section === section ? 'page' : undefined}
              data-testid={item.testId}
            >
              {t(item.label)}
            </Link>
          ))}
        </nav>
      )}
      <div className="app-header-end">
        {dispatch && <ConnectionIndicator />}
        <span className="user" data-testid="session-user">
          {user.displayName}
          <span className="user-role">{roleLabel(user.role, locale)}</span>
        </span>
        <button
          type="button"
          className="button-quiet"
          onClick={() => setLocale(otherLocale(locale))}
          data-testid="language-switch"
        >
          {t('app.language')}
        </button>
        <button type="button" className="button-quiet" onClick={signOut} data-testid="logout">
          {t('app.logout')}
        </button>
      </div>
    </header>
  );
}
