import type { SessionUser } from '@eldercare/contracts';
import { createContext, useContext } from 'react';
import type { HttpClient } from '../api/http-client';

/** The signed-in user and what every page needs to talk to the api. */
export interface Session {
  http: HttpClient;
  user: SessionUser;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
