import { Link, NavLink } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { roleLabel } from '../i18n/labels';
import { otherLocale } from '../i18n/translate';
import { hasDispatchConsole } from './console-roles';
import { ConnectionIndicator } from './connection-indicator';
import { navItems } from './nav-items';
import { useSession } from './session-context';

export function AppHeader() {
  const { user, signOut } = useSession();
  const { t, locale, setLocale } = useI18n();
  const dispatch = hasDispatchConsole(user.role);
  const items = navItems(user.role);

  return (
    <header className="app-header">
      <Link to="/" className="brand">
        {t('app.title')}
      </Link>
      {items.length > 0 && (
        <nav className="app-nav">
          {items.map((item) => (
            // A NavLink is current on its page and the pages under it (an elder, the import); the queue only at `/`.
            <NavLink key={item.section} to={item.path} end={item.path === '/'} data-testid={item.testId}>
              {t(item.label)}
            </NavLink>
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
