import type { SessionUser } from '@eldercare/contracts';
import type { Viewer } from './viewer';

export function toSessionUser(viewer: Viewer): SessionUser {
  return {
    id: viewer.id,
    username: viewer.username,
    displayName: viewer.displayName,
    role: viewer.role,
    regionIds: viewer.regionIds,
    providerId: viewer.providerId,
    elderIds: viewer.elderIds,
  };
}
