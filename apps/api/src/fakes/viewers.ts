import type { UserRecord } from '@eldercare/persistence';
import { viewerOf, type Viewer } from '../auth/viewer';

/** A signed-in user for unit specs, with the scope their role and assignments give them. */
export function viewer(overrides: Partial<UserRecord> & Pick<UserRecord, 'role'>): Viewer {
  return viewerOf({
    id: `${overrides.role}-1`,
    username: overrides.role,
    displayName: overrides.role,
    providerId: null,
    regionIds: [],
    elderIds: [],
    ...overrides,
  });
}
