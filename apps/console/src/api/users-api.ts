import type { UserInput, UserView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

export function fetchUsers(http: HttpClient): Promise<UserView[]> {
  return http.get<UserView[]>('/api/users');
}

export function createUser(http: HttpClient, input: UserInput): Promise<UserView> {
  return http.post<UserView>('/api/users', input);
}

/** The user's sessions end at once. */
export function disableUser(http: HttpClient, userId: string): Promise<void> {
  return http.post<void>(`/api/users/${encodeURIComponent(userId)}/disable`);
}
