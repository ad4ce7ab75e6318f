import type { SessionUser } from '@eldercare/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { fetchSessionUser, logout } from '../api/auth-api';
import { HttpClient } from '../api/http-client';
import { LoginPage } from '../login/login-page';
import { hasDispatchConsole } from './console-roles';
import { consoleRoutes } from './console-routes';
import { ConsoleSession } from './console-session';
import { PageLoading } from './page-loading';
import { SessionContext, type Session } from './session-context';
import { sessionQueryClient } from './session-queries';
import { sessionRouter } from './session-router';

/** Who is signed in decides everything: nobody sees the login page, and any lost session returns there. */
export function App() {
  const http = useMemo(() => new HttpClient(), []);
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const returnTo = useRef('/');

  // A session that ends by itself brings the user back where they were after signing in again; signing out does not.
  const sessionLost = useCallback(() => {
    const { pathname, search } = window.location;
    if (pathname !== '/login') returnTo.current = pathname + search;
    setUser(null);
  }, []);

  useEffect(() => http.onUnauthorized(sessionLost), [http, sessionLost]);

  useEffect(() => {
    fetchSessionUser(http).then(setUser, sessionLost);
  }, [http, sessionLost]);

  const signOut = useCallback(() => {
    const leave = () => {
      returnTo.current = '/';
      setUser(null);
    };
    logout(http).then(leave, leave);
  }, [http]);

  const session = useMemo<Session | null>(() => (user ? { http, user, signOut } : null), [http, user, signOut]);

  if (user === undefined) return <PageLoading />;
  if (!session) {
    const router = sessionRouter('signed-out', () => [
      { path: '/login', element: <LoginPage http={http} onSignedIn={setUser} /> },
      { path: '*', element: <Navigate to="/login" replace /> },
    ]);
    return <RouterProvider router={router} />;
  }

  const { id, role } = session.user;
  const router = sessionRouter(`${id}:${role}`, () => consoleRoutes(role, returnTo.current));
  const pages = <RouterProvider router={router} />;
  return (
    <SessionContext value={session}>
      <SessionQueries key={id}>
        {hasDispatchConsole(role) ? <ConsoleSession>{pages}</ConsoleSession> : pages}
      </SessionQueries>
    </SessionContext>
  );
}

/** The server state of one session: a new session starts from an empty cache. */
function SessionQueries({ children }: { children: ReactNode }) {
  const [client] = useState(sessionQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
