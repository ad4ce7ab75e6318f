import { scopeOf, type AccessScope } from '@eldercare/domain';
import type { UserRecord } from '@eldercare/persistence';

/** The signed-in user a request or socket acts for, with the records they may see. */
export interface Viewer extends UserRecord {
  scope: AccessScope;
}

export function viewerOf(user: UserRecord): Viewer {
  return { ...user, scope: scopeOf(user) };
}
