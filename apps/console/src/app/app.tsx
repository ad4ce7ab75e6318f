import type { SessionUser } from '@eldercare/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchSessionUser, logout } from '../api/auth-api';
import { HttpClient } from '../api/http-client';
import { useI18n } from '../i18n/i18n-context';
import { LoginPage } from '../login/login-page';
import { AppHeader } from './app-header';
import { hasDispatchConsole } from './console-roles';
import { ConsoleSession } from './console-session';
import { navigate, usePathname } from './navigation';
import { PageForRoute } from './page-for-route';
import { routeOf } from './routes';
import { SessionContext, type Session } from './session-context';

/** Who is signed in decides everything: nobody sees the login page, and any lost session returns there. */
export function App() {
  const { t } = useI18n();
  const http = useMemo(() => new HttpClient(), []);
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const route = routeOf(usePathname());
  const returnTo = useRef('/');

  // A session that ends by itself brings the user back where they were after signing in again; signing out does not.
  const sessionLost = useCallback(() => {
    if (window.location.pathname !== '/login') returnTo.current = window.location.pathname;
    setUser(null);
  }, []);

  useEffect(() => http.onUnauthorized(sessionLost), [http, sessionLost]);

  useEffect(() => {
    fetchSessionUser(http).then(setUser, sessionLost);
  }, [http, sessionLost]);

  useEffect(() => {
    if (user === null && route.page !== 'login') navigate('/login', { replace: true });
    if (user && route.page === 'login') navigate(returnTo.current, { replace: true });
  }, [user, route.page]);

  const signOut = useCallback(() => {
    const leave = () => {
      returnTo.current = '/';
      setUser(null);
    };
    logout(http).then(leave, leave);
  }, [http]);

  const session = useMemo<Session | null>(() => (user ? { http, user, signOut } : null), [http, user, signOut]);

  if (user === undefined) return <p className="page-message">{t('app.loading')}</p>;
  if (!session) return <LoginPage http={http} onSignedIn={setUser} />;

  const page = (
    <>
      <AppHeader route={route} />
      <main className="app-main">
        <PageForRoute route={route} />
      </main>
    </>
  );
  return (
    <SessionContext value={session}>
      {hasDispatchConsole(session.user.role) ? <ConsoleSession>{page}</ConsoleSession> : page}
    </SessionContext>
  );
}
