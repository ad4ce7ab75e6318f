import type { SessionUser } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** Who the session cookie belongs to; rejects with a 401 `ApiError` when there is no session. */
export function fetchSessionUser(http: HttpClient): Promise<SessionUser> {
  return http.get<SessionUser>('/api/auth/me');
}

/** Signs in; the server sets the httpOnly session cookie. Rejects with `invalid-credentials` or `too-many-attempts`. */
export function login(http: HttpClient, username: string, password: string): Promise<SessionUser> {
  return http.post<SessionUser>('/api/auth/login', { username, password }, { unauthorizedIsAnswer: true });
}

export function logout(http: HttpClient): Promise<void> {
  return http.post<void>('/api/auth/logout');
}
